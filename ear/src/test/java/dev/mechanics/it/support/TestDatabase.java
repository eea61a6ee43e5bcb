package dev.mechanics.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives each test run its own freshly created PostgreSQL database, on the first server that answers:
 * {@code DATABASE_URL} when given, else the local server at 127.0.0.1:5432, else a Testcontainers PostgreSQL
 * when a Docker engine exists. Run by the build before Liberty starts ({@code create}) and after it stops
 * ({@code drop}); the server reads the database from a configDropins override, the tests from it.properties.
 */
public final class TestDatabase {

  private static final String LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres";

  private TestDatabase() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path serverDir = Path.of(args[1]);
    Path itProperties = Path.of(args[2]);
    if ("create".equals(mode)) {
      create(serverDir, itProperties);
    } else {
      drop(itProperties);
    }
  }

  private static void create(Path serverDir, Path itProperties) throws Exception {
    Server server = findServer();
    String name = "mechanics_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
        + ThreadLocalRandom.current().nextInt(1000, 9999);
    try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
      st.execute("create database " + name);
    }
    String url = server.urlFor(name);
    Properties props = new Properties();
    Files.createDirectories(itProperties.getParent());
    Azurite.ensureRunning(Azurite.repoRoot(), itProperties.getParent(), props);
    String storage = props.getProperty("azurite.connection") == null ? ""
        : "  <variable name=\"AZURE_STORAGE_CONNECTION_STRING\" value=\"%s\"/>\n".formatted(
            xmlEscape(props.getProperty("azurite.connection")));
    Path overrides = serverDir.resolve("configDropins/overrides");
    Files.createDirectories(overrides);
    Files.writeString(overrides.resolve("test-database.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by the build (TestDatabase) for this test run only. -->
        <server>
          <variable name="DATABASE_URL" value="%s"/>
          <variable name="PORT" value="%s"/>
          <!-- Arquillian talks to the running server over the local JMX connector (tests only) -->
          <featureManager>
            <feature>localConnector-1.0</feature>
          </featureManager>
          <!-- the demo chain gives the tests one user per role -->
          <variable name="DEMO_DATA" value="true"/>
          <!-- Mail: the GreenMail SMTP server the mail tests start in their own JVM -->
          <variable name="SMTP_HOST" value="127.0.0.1"/>
          <variable name="SMTP_PORT" value="%s"/>
          <!-- Blob Storage: this run's Azurite (see Azurite) -->
        %s</server>
        """.formatted(xmlEscape(url), System.getProperty("it.port", "9080"), smtpPort(), storage));
    props.setProperty("database.url", url);
    props.setProperty("database.name", name);
    props.setProperty("database.admin", server.adminUrl);
    props.setProperty("base.url", "http://localhost:" + System.getProperty("it.port", "9080"));
    try (OutputStream out = Files.newOutputStream(itProperties)) {
      props.store(out, "this test run's database");
    }
    System.out.println("[TestDatabase] created " + name + " on " + server.description);
  }

  private static void drop(Path itProperties) throws IOException, SQLException {
    if (!Files.exists(itProperties)) {
      return;
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(itProperties)) {
      props.load(in);
    }
    Azurite.stop(props);
    if (Boolean.getBoolean("it.keepDatabase")) {
      System.out.println("[TestDatabase] kept " + props.getProperty("database.name"));
      return;
    }
    Server server = new Server(props.getProperty("database.admin"), "");
    try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
      st.execute("drop database if exists " + props.getProperty("database.name") + " with (force)");
    } catch (SQLException e) {
      System.out.println("[TestDatabase] could not drop " + props.getProperty("database.name") + ": " + e);
      return;
    }
    System.out.println("[TestDatabase] dropped " + props.getProperty("database.name"));
  }

  private static Server findServer() throws Exception {
    String given = System.getenv("DATABASE_URL");
    if (given != null && !given.isBlank()) {
      Server server = new Server(given, "DATABASE_URL");
      server.connect().close();
      return server;
    }
    Server local = new Server(LOCAL, "the local PostgreSQL at 127.0.0.1:5432");
    try {
      local.connect().close();
      return local;
    } catch (SQLException e) {
      System.out.println("[TestDatabase] no local PostgreSQL (" + e.getMessage() + "); trying Testcontainers");
    }
    return DockerPostgres.start();
  }

  /** GreenMail's port: -Dit.smtp.port, else the server's port + 2000, so parallel checkouts do not collide. */
  public static int smtpPort() {
    return Integer.getInteger("it.smtp.port", Integer.parseInt(System.getProperty("it.port", "9080")) + 2000);
  }

  private static String xmlEscape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  /** A PostgreSQL server reachable with an administrative URL in DATABASE_URL form. */
  static final class Server {
    final String adminUrl;
    final String description;
    final dev.mechanics.platform.datasource.DatabaseUrl parsed;

    Server(String adminUrl, String description) {
      this.adminUrl = adminUrl;
      this.description = description;
      this.parsed = dev.mechanics.platform.datasource.DatabaseUrl.parse(adminUrl);
    }

    Connection connect() throws SQLException {
      Properties props = new Properties();
      if (parsed.user() != null) {
        props.setProperty("user", parsed.user());
      }
      if (parsed.password() != null) {
        props.setProperty("password", parsed.password());
      }
      return DriverManager.getConnection(parsed.jdbcUrl(), props);
    }

    String urlFor(String database) {
      StringBuilder url = new StringBuilder("postgresql://");
      if (parsed.user() != null) {
        url.append(enc(parsed.user()));
        if (parsed.password() != null) {
          url.append(':').append(enc(parsed.password()));
        }
        url.append('@');
      }
      url.append(parsed.host()).append(':').append(parsed.port()).append('/').append(database);
      String query = parsed.jdbcUrl().contains("?") ? parsed.jdbcUrl().substring(parsed.jdbcUrl().indexOf('?')) : "";
      return url.append(query).toString();
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
