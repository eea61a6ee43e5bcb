package dev.mechanics.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells a database that cannot be reached (refused, timed out, failing over, out of connections) from a migration
 * or schema that is wrong: only the first is worth retrying at start (ADR 0055).
 */
final class DatabaseUnreachable {

  private DatabaseUnreachable() {
  }

  static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof IOException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01-03: shut down or starting up (failover); 53300: too many connections
        if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
          return true;
        }
      }
    }
    return false;
  }
}
