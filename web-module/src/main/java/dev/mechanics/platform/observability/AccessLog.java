package dev.mechanics.platform.observability;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the access records of the requests on one thread of its own, so that a request does not format JSON
 * and wait for the console and {@code messages.log} (both synchronous in Liberty, behind one lock that every
 * request thread queued for). Nothing is dropped: when the queue is full the request writes its own record, which
 * slows the requests down instead of losing their records.
 */
@ApplicationScoped
public class AccessLog {

  private static final Logger ACCESS = Logger.getLogger("dev.mechanics.access");
  static final int QUEUE = 8_192;

  /** One request: field names and values, in the same order. */
  record Entry(String[] names, String[] values) {
  }

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
  private volatile boolean running;
  private Thread writer;

  @PostConstruct
  void start() {
    running = true;
    writer = threads.newThread(this::drain);
    writer.setName("access-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
    }
    List<Entry> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.forEach(AccessLog::write);
  }

  void record(Entry entry) {
    if (!running || !queue.offer(entry)) {
      write(entry);
    }
  }

  private void drain() {
    List<Entry> batch = new ArrayList<>(256);
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, 255);
      batch.forEach(AccessLog::write);
      batch.clear();
    }
  }

  private static void write(Entry entry) {
    try {
      for (int i = 0; i < entry.names().length; i++) {
        LogFields.put(entry.names()[i], entry.values()[i]);
      }
      ACCESS.log(Level.INFO, "access");
    } finally {
      LogFields.remove(entry.names());
    }
  }
}
