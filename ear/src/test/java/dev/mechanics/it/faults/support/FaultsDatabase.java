package dev.mechanics.it.faults.support;

import dev.mechanics.platform.datasource.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of a fault test's own, on the PostgreSQL server the test run uses (it.properties), so the servers a
 * fault test starts see only its data and the suite's test server never claims its schedules. The application
 * connects as a role that owns nothing and migrates as the administrative one, as the test server does.
 * {@link #close} drops both.
 */
public final class FaultsDatabase implements AutoCloseable {

  private final DatabaseUrl admin;
  private final String name;
  private final String appRole;

  private FaultsDatabase(DatabaseUrl admin, String name, String appRole) {
    this.admin = admin;
    this.name = name;
    this.appRole = appRole;
  }

  /** Creates {@code mechanics_faults_<label>_<random>} and its application role. */
  public static FaultsDatabase create(String label) throws SQLException, IOException {
    DatabaseUrl admin = DatabaseUrl.parse(itProperties().getProperty("database.admin"));
    String name = "mechanics_faults_" + label.replaceAll("[^a-z0-9_]", "_") + "_"
        + ThreadLocalRandom.current().nextInt(100000, 999999);
    String role = name.replace("mechanics_faults_", "mechanics_faults_app_");
    try (Connection c = connect(admin, "postgres"); Statement st = c.createStatement()) {
      st.execute("create database " + name);
      st.execute("create role " + role + " login password '" + role + "'");
    }
    return new FaultsDatabase(admin, name, role);
  }

  /** This run's it.properties (written by the build's TestDatabase). */
  public static Properties itProperties() throws IOException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(System.getProperty("it.properties",
        "target/it.properties")))) {
      props.load(in);
    }
    return props;
  }

  public String name() {
    return name;
  }

  /** DATABASE_URL: the application's role. */
  public String appUrl() {
    return url(appRole, appRole);
  }

  /** DATABASE_MIGRATION_URL: the owner that Flyway migrates as. */
  public String migrationUrl() {
    return url(admin.user(), admin.password());
  }

  /** DATABASE_URL through a proxy on 127.0.0.1:{@code port} in front of {@link #serverPort()}. */
  public String appUrlThrough(int port) {
    return url(appRole, appRole).replace("@" + admin.host() + ":" + admin.port() + "/", "@127.0.0.1:" + port + "/");
  }

  /** DATABASE_MIGRATION_URL through a proxy on 127.0.0.1:{@code port}. */
  public String migrationUrlThrough(int port) {
    return migrationUrl().replace("@" + admin.host() + ":" + admin.port() + "/", "@127.0.0.1:" + port + "/");
  }

  /** The PostgreSQL server's host and port (what a proxy forwards to). */
  public String serverHost() {
    return admin.host();
  }

  public int serverPort() {
    return admin.port();
  }

  /** An administrative connection to this database (reads everything, row security included). */
  public Connection connect() throws SQLException {
    return connect(admin, name);
  }

  private String url(String user, String password) {
    StringBuilder url = new StringBuilder("postgresql://");
    if (user != null) {
      url.append(URLEncoder.encode(user, StandardCharsets.UTF_8));
      if (password != null) {
        url.append(':').append(URLEncoder.encode(password, StandardCharsets.UTF_8));
      }
      url.append('@');
    }
    return url.append(admin.host()).append(':').append(admin.port()).append('/').append(name).toString();
  }

  private static Connection connect(DatabaseUrl server, String database) throws SQLException {
    Properties props = new Properties();
    if (server.user() != null) {
      props.setProperty("user", server.user());
    }
    if (server.password() != null) {
      props.setProperty("password", server.password());
    }
    String jdbc = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
    return new org.postgresql.Driver().connect(jdbc, props);
  }

  @Override
  public void close() throws SQLException {
    if (Boolean.getBoolean("it.keepDatabase")) {
      System.out.println("[FaultsDatabase] kept " + name);
      return;
    }
    try (Connection c = connect(admin, "postgres"); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
      st.execute("drop role if exists " + appRole);
    }
  }
}
