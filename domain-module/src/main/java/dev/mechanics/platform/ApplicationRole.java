package dev.mechanics.platform;

import dev.mechanics.platform.datasource.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The application's least-privilege database role, as {@code DATABASE_URL} names it. When migrations run as the
 * owner ({@code DATABASE_MIGRATION_URL}), the owner creates this role if it is missing and sets its password to
 * the one in {@code DATABASE_URL}, before the first application connection: a new estate (Azure: the password
 * comes from Key Vault) needs no manual SQL, and a rotated password takes effect at the next start. The role
 * gets data rights only ({@link FlywayMigrationIntegrator}).
 *
 * @param name     the role (the URL's user)
 * @param password its password, or null when the URL has none (local trust authentication)
 */
public record ApplicationRole(String name, String password) {

  /** The role of a DATABASE_URL ({@code user:password@} or {@code ?user=&password=}); empty without a user or when malformed. */
  public static Optional<ApplicationRole> fromDatabaseUrl(String url) {
    try {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      return parsed.user() == null || parsed.user().isBlank() ? Optional.empty()
          : Optional.of(new ApplicationRole(parsed.user(), parsed.password()));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty(); // the datasource reports it, with its own message
    }
  }

  /**
   * Creates the role (login, nothing else) when it does not exist and sets its password when the URL has one.
   * Runs on the owner's connection; returns true when the role was created now.
   */
  public boolean provision(Connection owner) throws SQLException {
    boolean exists;
    try (PreparedStatement query = owner.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        exists = rows.next();
      }
    }
    try (Statement st = owner.createStatement()) {
      if (!exists) {
        st.execute("create role " + identifier(name) + " login nosuperuser nocreatedb nocreaterole noinherit");
      }
    }
    if (password != null && !password.isEmpty()) {
      // The driver sends a SCRAM verifier computed here: the password itself never reaches the server (or its log).
      owner.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
    }
    return !exists;
  }

  static String identifier(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String toString() {
    return "ApplicationRole[" + name + "]";
  }
}
