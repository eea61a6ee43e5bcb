package dev.mechanics.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the changes to callers committed by any instance (V118's NOTIFY on {@code caller_changes}) and drops
 * them from this instance's {@link CallerCache}. One thread and one database connection per instance; while the
 * connection is down nothing is heard, so the whole cache is dropped on every (re)connect and the cache's
 * time-to-live bounds what a lost notification can cost (docs/adr/0051).
 */
@ApplicationScoped
public class CallerChangesListener {

  private static final Logger LOG = Logger.getLogger(CallerChangesListener.class.getName());
  static final String CHANNEL = "caller_changes";
  static final String APPLICATION_NAME = "caller-changes-listener";

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject
  CallerCache cache;

  private volatile boolean running;
  private volatile Connection listening;
  private Thread listener;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    running = true;
    listener = threads.newThread(this::listen);
    listener.setName(APPLICATION_NAME);
    listener.start();
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

  private void listen() {
    long backoffMillis = 500;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        listening = c;
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("set application_name = '" + APPLICATION_NAME + "'");
          st.execute("LISTEN " + CHANNEL);
        }
        // what was announced while nobody listened is unknown: forget everything
        cache.evictAll();
        backoffMillis = 500;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(5_000);
          if (notes == null || notes.length == 0) {
            // a dead connection answers nothing to getNotifications: ask it something
            try (Statement st = c.createStatement()) {
              st.execute("select 1");
            }
            continue;
          }
          for (PGNotification note : notes) {
            apply(note.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        cache.evictAll();
        LOG.log(Level.WARNING, "caller changes: the listening connection failed; reconnecting in " + backoffMillis
            + " ms", e);
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, 10_000);
      } finally {
        listening = null;
      }
    }
  }

  private void apply(String payload) {
    try {
      if (payload.startsWith("session:")) {
        cache.evictSession(UUID.fromString(payload.substring("session:".length())));
      } else if (payload.startsWith("user:")) {
        cache.evictUser(UUID.fromString(payload.substring("user:".length())));
      } else {
        cache.evictAll();
      }
    } catch (IllegalArgumentException e) {
      cache.evictAll();
    }
  }
}
