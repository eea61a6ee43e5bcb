package dev.mechanics.platform;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Retries the start-up migration while the database does not answer (a failover, an overloaded server): 1 s,
 * 2 s, 4 s ... at most {@link #MAX_PAUSE} apart, for {@code DATABASE_START_RETRY_SECONDS} (600 by default). Once it
 * answers, the schema is migrated and checked and the instance becomes ready without a restart; when the time is
 * up, or the migration itself fails, the phase is FAILED and liveness goes DOWN so the platform replaces the
 * instance (ADR 0055).
 */
final class StartupMigration implements Runnable {

  private static final Logger LOG = Logger.getLogger(StartupMigration.class.getName());
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);
  static final String LIMIT_VARIABLE = "DATABASE_START_RETRY_SECONDS";

  private final Runnable migration;
  private final Duration limit;
  private volatile boolean stopped;
  private Thread thread;

  private StartupMigration(Runnable migration, Duration limit) {
    this.migration = migration;
    this.limit = limit;
  }

  /** Read on the deploying thread: MicroProfile Config needs the application's class loader. */
  static Duration limit() {
    return Duration.ofSeconds(Math.max(1, ConfigProvider.getConfig()
        .getOptionalValue(LIMIT_VARIABLE, Integer.class).orElse(600)));
  }

  static StartupMigration start(Runnable migration, Duration limit) {
    StartupMigration retry = new StartupMigration(migration, limit);
    Thread t = new Thread(retry, "mechanics-startup-migration");
    t.setDaemon(true);
    t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    retry.thread = t;
    t.start();
    return retry;
  }

  void stop() {
    stopped = true;
    thread.interrupt();
  }

  @Override
  public void run() {
    long deadline = System.nanoTime() + limit.toNanos();
    long pauseMillis = 1000;
    while (!stopped) {
      if (!sleep(pauseMillis)) {
        return;
      }
      try {
        if (attempt(migration)) {
          LOG.info(() -> "The database answers: schema migrated after " + SchemaState.attempts() + " attempts");
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "The start-up migration failed once the database answered; restart needed", e);
        return;
      }
      if (System.nanoTime() > deadline) {
        SchemaState.set(SchemaState.Phase.FAILED);
        LOG.severe("The database did not answer within " + limit.toSeconds() + " s of the start ("
            + SchemaState.lastError() + "); restart needed");
        return;
      }
      LOG.fine(() -> "database still unreachable at start: " + SchemaState.lastError());
      pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
    }
  }

  /**
   * One try of the migration: true and READY when it succeeds, false while the database does not answer; any
   * other failure sets FAILED and is thrown (the deployment, or the retry, then gives up).
   */
  static boolean attempt(Runnable migration) {
    try {
      migration.run();
    } catch (RuntimeException e) {
      SchemaState.attempted(e);
      if (DatabaseUnreachable.is(e)) {
        return false;
      }
      SchemaState.set(SchemaState.Phase.FAILED);
      throw e;
    }
    SchemaState.attempted(null);
    SchemaState.set(SchemaState.Phase.READY);
    return true;
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
