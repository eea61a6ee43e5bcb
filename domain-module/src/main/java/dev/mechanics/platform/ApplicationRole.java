package dev.mechanics.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

  /** The role of a {@code postgresql://user:password@host/db} URL ({@code ?user=&password=} too); empty without a user. */
  public static Optional<ApplicationRole> fromDatabaseUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String text = url.trim().startsWith("jdbc:") ? url.trim().substring("jdbc:".length()) : url.trim();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty(); // the datasource reports the malformed URL with its own message
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals("user") && user == null) {
          user = decode(kv[1]);
        } else if (kv.length == 2 && kv[0].equals("password") && password == null) {
          password = decode(kv[1]);
        }
      }
    }
    return user == null || user.isBlank() ? Optional.empty() : Optional.of(new ApplicationRole(user, password));
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

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
