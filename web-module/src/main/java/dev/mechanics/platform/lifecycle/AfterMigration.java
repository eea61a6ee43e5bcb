package dev.mechanics.platform.lifecycle;

import dev.mechanics.platform.SchemaState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Start-up work that needs the database (demo data, re-keying, platform schedules). On a usual start the schema is
 * migrated before CDI starts and the work runs at once, failing the start as before; when the database was away at
 * start (ADR 0055) it runs on a managed thread as soon as the schema is ready, and is retried until it succeeds.
 * {@link #pending} keeps the instance not ready meanwhile (SchemaReadiness).
 */
@ApplicationScoped
public class AfterMigration {

  private static final Logger LOG = Logger.getLogger(AfterMigration.class.getName());
  private static final long POLL_SECONDS = 1;
  private static final long RETRY_SECONDS = 5;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean stopped;

  public void run(String name, Runnable work) {
    if (SchemaState.isReady()) {
      work.run();
      return;
    }
    pending.incrementAndGet();
    LOG.info(() -> name + " waits for the database");
    // submitted from this (application) thread so the task carries the application's context
    schedule(name, work, POLL_SECONDS);
  }

  /** Deferred work not done yet. */
  public int pending() {
    return pending.get();
  }

  private void schedule(String name, Runnable work, long delaySeconds) {
    if (stopped) {
      return;
    }
    try {
      executor.schedule(() -> attempt(name, work), delaySeconds, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // the application is stopping
    }
  }

  private void attempt(String name, Runnable work) {
    if (!SchemaState.isReady()) {
      schedule(name, work, POLL_SECONDS);
      return;
    }
    try {
      work.run();
      pending.decrementAndGet();
      LOG.info(() -> name + " done once the database answered");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + " failed after the migration; retried in " + RETRY_SECONDS + " s: " + e);
      schedule(name, work, RETRY_SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
  }
}
