package dev.mechanics.platform.web;

import dev.mechanics.files.StorageUnavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a dependency that is down or hangs from a bug: such a failure is the caller's cue to try again later
 * (503 with Retry-After), not an internal error (docs/adr/0047).
 */
final class DependencyFailures {

  /** PostgreSQL's: shut down, crashed, starting, too many connections, statement timeout (class 08 too). */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");
  /** Hibernate's own wrappers, by name: the web module does not compile against Hibernate's internals. */
  private static final Set<String> UNAVAILABLE_TYPES = Set.of("org.hibernate.exception.JDBCConnectionException",
      "org.hibernate.QueryTimeoutException", "jakarta.persistence.QueryTimeoutException",
      "com.ibm.websphere.ce.cm.ConnectionWaitTimeoutException");

  private DependencyFailures() {
  }

  /** "database" or "storage" when {@code error} comes from a dependency that is away; null otherwise. */
  static String unavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StorageUnavailable) {
        return "storage";
      }
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
          || UNAVAILABLE_TYPES.contains(t.getClass().getName())) {
        return "database";
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
        return "database";
      }
    }
    return null;
  }
}
