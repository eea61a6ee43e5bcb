package dev.mechanics.platform;

/**
 * Where the start-up migration stands (ADR 0055). The application deploys even when the database is away at
 * start; until the schema is migrated and checked, {@code /health/ready} is DOWN (SchemaReadiness) and the
 * start-up work that needs the database waits (AfterMigration).
 */
public final class SchemaState {

  public enum Phase {
    /** The first attempt, during deployment. */
    MIGRATING,
    /** The database did not answer; a background thread retries with back-off. */
    WAITING_FOR_DATABASE,
    READY,
    /** Retries exhausted, or the migration itself failed once the database answered: needs a restart. */
    FAILED
  }

  private static volatile Phase phase = Phase.MIGRATING;
  private static volatile int attempts;
  private static volatile String lastError;

  private SchemaState() {
  }

  public static Phase phase() {
    return phase;
  }

  public static boolean isReady() {
    return phase == Phase.READY;
  }

  public static int attempts() {
    return attempts;
  }

  /** The class of the last failure (messages can carry host and role names), or null. */
  public static String lastError() {
    return lastError;
  }

  static void attempted(Throwable failure) {
    attempts++;
    lastError = failure == null ? null : failure.getClass().getSimpleName();
  }

  static void set(Phase next) {
    phase = next;
  }
}
