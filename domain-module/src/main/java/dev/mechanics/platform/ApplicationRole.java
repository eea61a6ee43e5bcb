package dev.mechanics.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's least-privilege database role, as {@code DATABASE_URL} names it. When migrations run as the
 * owner ({@code DATABASE_MIGRATION_URL}), the owner creates this role if it is missing and sets its password to
 * the one in {@code DATABASE_URL}, before the first application connection: a new estate (Azure: the password
 * comes from Key Vault) needs no manual SQL, and a rotated password takes effect at the next start. The role
 * gets data rights only ({@link FlywayMigrationIntegrator}).
 *
 * <p>Only JDK classes here: the in-server test deployments see neither the JDBC driver nor the datasource module,
 * and they run this code too (the test server sets {@code DATABASE_MIGRATION_URL}).
 *
 * @param name     the role (the URL's user)
 * @param password its password, or null when the URL has none (local trust authentication)
 */
public record ApplicationRole(String name, String password) {

  private static final int SCRAM_ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The role of a DATABASE_URL ({@code user:password@} or {@code ?user=&password=}); empty without a user. */
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
    for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2 && kv[0].equals("user") && user == null) {
        user = decode(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("password") && password == null) {
        password = decode(kv[1]);
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
      if (password != null && !password.isEmpty()) {
        // A SCRAM verifier computed here, as libpq and pgjdbc do: the password itself never reaches the server,
        // its statement log or pg_stat_statements. DDL takes no bind parameters; the verifier holds no quote.
        st.execute("alter role " + identifier(name) + " with login password '" + scramVerifier(password, salt(), SCRAM_ITERATIONS) + "'");
      }
    }
    return !exists;
  }

  /** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677): iterations, salt, StoredKey, ServerKey. */
  static String scramVerifier(String password, byte[] salt, int iterations) {
    try {
      String prepared = Normalizer.normalize(password, Normalizer.Form.NFKC); // SASLprep's normalization
      SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(prepared.toCharArray(), salt, iterations, 256)).getEncoded();
      byte[] clientKey = hmac(salted, "Client Key");
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
      byte[] serverKey = hmac(salted, "Server Key");
      Base64.Encoder b64 = Base64.getEncoder();
      return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
          + b64.encodeToString(serverKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SCRAM-SHA-256 is not available in this JVM", e);
    }
  }

  static String identifier(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String toString() {
    return "ApplicationRole[" + name + "]";
  }

  private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] salt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
