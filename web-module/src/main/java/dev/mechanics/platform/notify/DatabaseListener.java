package dev.mechanics.platform.notify;

import dev.mechanics.platform.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one PostgreSQL LISTEN of this server instance: one thread and one database connection, held for good,
 * that LISTEN on the channel of every {@link Handler} bean and hand each handler its notifications. Whatever is
 * announced while the connection is down is not heard, so every handler is told of each (re)connect and may catch
 * up then (docs/adr/0051). The handlers are the beans found at start-up, so none can be registered too late.
 */
@ApplicationScoped
public class DatabaseListener {

  private static final Logger LOG = Logger.getLogger(DatabaseListener.class.getName());
  /** Its name in pg_stat_activity (operators and the ITs look for it) and its thread's name. */
  public static final String APPLICATION_NAME = "notification-listener";
  /** What the listener asks while nothing happens (a dead connection answers nothing to a mere wait). */
  static final String KEEP_ALIVE = "select 1";
  static final int WAIT_MILLIS = 5_000;
  static final long FIRST_BACKOFF_MILLIS = 500;
  static final long MAX_BACKOFF_MILLIS = 10_000;
  /** LISTEN takes an identifier, not a parameter: a channel is a plain lower-case name. */
  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** What one channel's notifications are for. Methods run on the listener's thread, one at a time. */
  public interface Handler {

    /** The channel it LISTENs on (one handler per channel). */
    String channel();

    /**
     * After every (re)connect, once LISTEN is in place: what was announced while nobody listened is unknown.
     * {@code c} is the listening connection, to read with, never to keep.
     */
    void connected(Connection c) throws SQLException;

    /** The payloads of the channel's notifications of one wait, in the order they were committed. */
    void notified(Connection c, List<String> payloads) throws SQLException;

    /** After every wait (at most {@link #WAIT_MILLIS} apart while connected): housekeeping, if any. */
    default void afterWait(Connection c) throws SQLException {
    }

    /** The connection failed: nothing is heard until the next {@link #connected}. */
    default void disconnected() {
    }
  }

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject
  @Any
  Instance<Handler> handlerBeans;

  private volatile boolean running;
  private volatile Connection listening;
  private Thread listener;
  private Map<String, Handler> handlers;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    List<Handler> found = new ArrayList<>();
    handlerBeans.forEach(found::add);
    handlers = byChannel(found);
    running = true;
    listener = threads.newThread(this::listen);
    listener.setName(APPLICATION_NAME);
    listener.start();
  }

  /** The handlers by channel; two handlers of one channel, or a channel LISTEN cannot take, fail the start. */
  static Map<String, Handler> byChannel(List<Handler> found) {
    Map<String, Handler> byChannel = new LinkedHashMap<>();
    for (Handler h : found) {
      String channel = h.channel();
      if (channel == null || !CHANNEL_NAME.matcher(channel).matches()) {
        throw new IllegalStateException("not a channel name: " + channel + " (" + h.getClass().getName() + ")");
      }
      if (byChannel.putIfAbsent(channel, h) != null) {
        throw new IllegalStateException("two handlers of the channel " + channel);
      }
    }
    return Map.copyOf(byChannel);
  }

  @PreDestroy
  void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
    Connection c = listening;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing what is being torn down
      }
    }
  }

  private final OutageLog outage = new OutageLog(LOG, "notifications: the listening connection");

  private void listen() {
    long backoffMillis = FIRST_BACKOFF_MILLIS;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        listening = c;
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("set application_name = '" + APPLICATION_NAME + "'");
          for (String channel : handlers.keySet()) {
            st.execute("LISTEN " + channel);
          }
        }
        LOG.info("notifications: listening on " + handlers.keySet());
        outage.succeeded();
        backoffMillis = FIRST_BACKOFF_MILLIS;
        for (Handler h : handlers.values()) {
          h.connected(c);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes == null || notes.length == 0) {
            // a dead connection answers nothing to getNotifications: ask it something
            try (Statement st = c.createStatement()) {
              st.execute(KEEP_ALIVE);
            }
          } else {
            for (Map.Entry<String, List<String>> batch : payloadsByChannel(notes).entrySet()) {
              Handler h = handlers.get(batch.getKey());
              if (h != null) {
                h.notified(c, batch.getValue());
              }
            }
          }
          for (Handler h : handlers.values()) {
            h.afterWait(c);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        handlers.values().forEach(DatabaseListener::disconnectQuietly);
        outage.failed(e, "reconnecting with a backoff from " + FIRST_BACKOFF_MILLIS + " ms to " + MAX_BACKOFF_MILLIS
            + " ms; the board hears nothing new and cached callers expire by their time-to-live meanwhile");
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = nextBackoff(backoffMillis);
      } finally {
        listening = null;
      }
    }
  }

  static long nextBackoff(long backoffMillis) {
    return Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
  }

  /** One wait's notifications grouped by channel, each channel's payloads in the order they came. */
  static Map<String, List<String>> payloadsByChannel(PGNotification[] notes) {
    Map<String, List<String>> byChannel = new LinkedHashMap<>();
    for (PGNotification n : notes) {
      byChannel.computeIfAbsent(n.getName(), k -> new ArrayList<>()).add(n.getParameter());
    }
    return byChannel;
  }

  private static void disconnectQuietly(Handler h) {
    try {
      h.disconnected();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notifications: a handler failed on disconnect", e);
    }
  }
}
