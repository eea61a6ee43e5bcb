package dev.mechanics.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives each test run its own freshly created PostgreSQL database, on the first server that answers:
 * {@code DATABASE_URL} when given, else the local server at 127.0.0.1:5432, else a Testcontainers PostgreSQL
 * when a Docker engine exists, else an embedded PostgreSQL. Run by the build before Liberty starts ({@code create}) and after it stops
 * ({@code drop}); the server reads the database from a configDropins override, the tests from it.properties.
 */
public final class TestDatabase {

  private static final String LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres";
  /** Where the server reads this run's settings (relative to the server directory). */
  public static final String OVERRIDE = "configDropins/overrides/test-database.xml";
  /** Signs up in BatchIT and holds PLATFORM_OPERATOR through PLATFORM_ADMIN_EMAILS. */
  public static final String PLATFORM_OPERATOR_EMAIL = "operator@platform.mechanics.dev";
  /** Also listed in PLATFORM_ADMIN_EMAILS: PlatformOperatorIT signs one up and invites the other. */
  public static final List<String> MORE_OPERATOR_EMAILS = List.of("second-operator@platform.mechanics.dev",
      "invited-operator@platform.mechanics.dev");
  /** Listed too: CallerCacheIT grants and revokes its role behind the server's back (as another instance). */
  public static final String CACHED_OPERATOR_EMAIL = "cached-operator@platform.mechanics.dev";
  /** The scraper the test server lets read /metrics over HTTPS (its password is random per run). */
  static final String METRICS_USER = "metrics-scraper";
  /** The test run's backup key (base64 of 32 bytes); a real installation's comes from its secret store. */
  public static final String BACKUP_KEY = "dGVzdC1vbmx5LWJhY2t1cC1rZXktMzItYnl0ZXMhISE=";

  /** Kept referenced so the embedded server lives as long as the build. */
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;

  private TestDatabase() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path serverDir = Path.of(args[1]);
    Path itProperties = Path.of(args[2]);
    if ("create".equals(mode)) {
      create(serverDir, itProperties);
    } else {
      drop(serverDir, itProperties);
    }
  }

  private static void create(Path serverDir, Path itProperties) throws Exception {
    Server server = findServer();
    String name = "mechanics_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
        + ThreadLocalRandom.current().nextInt(1000, 9999);
    // the application connects as a role that owns nothing; migrations run as the administrative role
    String appRole = name.replace("mechanics_it_", "mechanics_app_");
    try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
      st.execute("create database " + name);
      st.execute("create role " + appRole + " login password '" + appRole + "'");
    }
    String url = server.urlFor(name);
    String appUrl = server.urlFor(name, appRole, appRole);
    String redisPrefix = "mechanics-it-" + Long.toHexString(System.nanoTime()) + "-"
        + ThreadLocalRandom.current().nextInt(100000, 999999) + ":";
    byte[] secretBytes = new byte[32];
    new java.security.SecureRandom().nextBytes(secretBytes);
    String jwtSecret = java.util.HexFormat.of().formatHex(secretBytes);
    new java.security.SecureRandom().nextBytes(secretBytes);
    String metricsPassword = java.util.HexFormat.of().formatHex(secretBytes);
    clearLogs(serverDir.resolve("logs"));
    // Arquillian deploys into dropins/; an archive left by an interrupted run would start with the server.
    clearLogs(serverDir.resolve("dropins"));
    Properties props = new Properties();
    Files.createDirectories(itProperties.getParent());
    Azurite.ensureRunning(Azurite.repoRoot(), itProperties.getParent(), props);
    String blobStorage = props.getProperty("azurite.connection") == null ? ""
        : "  <variable name=\"AZURE_STORAGE_CONNECTION_STRING\" value=\"%s\"/>\n".formatted(
            xmlEscape(props.getProperty("azurite.connection")));
    Files.createDirectories(serverDir.resolve(OVERRIDE).getParent());
    Path storage = serverDir.resolve("it-storage").toAbsolutePath();
    Files.createDirectories(storage);
    Files.writeString(serverDir.resolve(OVERRIDE), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by the build (TestDatabase) for this test run only. -->
        <server>
          <variable name="DATABASE_URL" value="%s"/>
          <variable name="DATABASE_MIGRATION_URL" value="%s"/>
          <variable name="PORT" value="%s"/>
          <!-- Arquillian talks to the running server over the local JMX connector (tests only) -->
          <featureManager>
            <feature>localConnector-1.0</feature>
          </featureManager>
          <!-- and deploys its archives into dropins/, which production does not watch (server.xml) -->
          <applicationMonitor updateTrigger="polled" dropinsEnabled="true"/>
          <!-- as deployed (issue 15): links from the public address, the proxies as ranges. The tests play App
               Service's front end (loopback) and Front Door (its published back-end ranges), so X-Forwarded-For
               from them is honoured. Production mode itself (https only) is tested by ProductionModeIT. -->
          <variable name="PUBLIC_BASE_URL" value="%s"/>
          <variable name="TRUSTED_PROXIES" value="127.0.0.0/8,::1/128,147.243.0.0/16,2a01:111:2050::/44"/>
          <!-- /metrics for the tests: HTTPS on a port of their own and a scraper in Liberty's reader role (how an
               operator gives a scraper access, docs/operations.md); plain HTTP stays refused as in production -->
          <variable name="HTTPS_PORT" value="%s"/>
          <keyStore id="defaultKeyStore" password="${keystore_password}"/>
          <basicRegistry id="metricsScrapers" realm="metrics">
            <user name="%s" password="%s"/>
          </basicRegistry>
          <reader-role>
            <user>%s</user>
          </reader-role>
          <!-- the demo chain gives the tests one user per role -->
          <variable name="DEMO_DATA" value="true"/>
          <!-- security: the shared Redis under this run's own prefix, limits that the suite's own traffic stays
               under -->
          <variable name="REDIS_URL" value="redis://127.0.0.1:6379"/>
          <variable name="REDIS_KEY_PREFIX" value="%s"/>
          <variable name="RATE_LIMIT_SIGNIN_PER_MINUTE" value="600"/>
          <variable name="RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR" value="40"/>
          <variable name="RATE_LIMIT_API_PER_MINUTE" value="3000"/>
          <!-- callers are believed for 5 minutes instead of 5 seconds: CallerCacheIT proves that a change made
               behind the server's back ends access through the NOTIFY, not through the time-to-live -->
          <variable name="CALLER_CACHE_SECONDS" value="300"/>
          <variable name="CORS_ALLOWED_ORIGINS" value="https://app.example.com, https://admin.example.com"/>
          <!-- batch (BatchIT): an operator, a backup key, a fast scheduler -->
          <variable name="PLATFORM_ADMIN_EMAILS" value="%s"/>
          <variable name="BACKUP_ENCRYPTION_KEY" value="%s"/>
          <variable name="STORAGE_LOCAL_DIR" value="%s"/>
          <variable name="BATCH_SCHEDULER_INTERVAL_SECONDS" value="2"/>
          <!-- lets BatchIT make a job's first execution fail mid-chunk (job parameter failAtItem) -->
          <variable name="BATCH_FAULT_INJECTION" value="true"/>
          <!-- Mail: the GreenMail SMTP server the mail tests start in their own JVM -->
          <variable name="SMTP_HOST" value="127.0.0.1"/>
          <variable name="SMTP_PORT" value="%s"/>
          <!-- the outbox retries within seconds, not minutes, so a test sees a mail once GreenMail is back -->
          <variable name="OUTBOX_POLL_SECONDS" value="1"/>
          <variable name="OUTBOX_RETRY_FIRST_SECONDS" value="1"/>
          <variable name="OUTBOX_RETRY_MAX_SECONDS" value="3"/>
          <!-- Blob Storage: this run's Azurite (see Azurite) -->
        %s</server>
        """.formatted(xmlEscape(appUrl), xmlEscape(url), System.getProperty("it.port", "9080"), baseUrl(),
        httpsPort(), METRICS_USER, metricsPassword, METRICS_USER, redisPrefix,
        PLATFORM_OPERATOR_EMAIL + "," + String.join(",", MORE_OPERATOR_EMAILS) + "," + CACHED_OPERATOR_EMAIL, BACKUP_KEY,
        xmlEscape(storage.toString()), smtpPort(), blobStorage));
    // JWT_SECRET is read from the environment (JwtKeys), which Liberty fills from server.env
    Path serverEnv = serverDir.resolve("server.env");
    List<String> env = new java.util.ArrayList<>(Files.exists(serverEnv) ? Files.readAllLines(serverEnv) : List.of());
    env.removeIf(line -> line.startsWith("JWT_SECRET="));
    env.add("JWT_SECRET=" + jwtSecret);
    Files.write(serverEnv, env);
    props.setProperty("database.url", url);
    props.setProperty("database.app.url", appUrl);
    props.setProperty("database.app.role", appRole);
    props.setProperty("database.name", name);
    props.setProperty("database.admin", server.adminUrl);
    props.setProperty("redis.prefix", redisPrefix);
    props.setProperty("jwt.secret", jwtSecret);
    props.setProperty("storage.dir", storage.toString());
    props.setProperty("base.url", baseUrl());
    props.setProperty("metrics.url", "https://localhost:" + httpsPort() + "/metrics");
    props.setProperty("metrics.user", METRICS_USER);
    props.setProperty("metrics.password", metricsPassword);
    try (OutputStream out = Files.newOutputStream(itProperties)) {
      props.store(out, "this test run's database");
    }
    System.out.println("[TestDatabase] created " + name + " on " + server.description);
  }

  private static void drop(Path serverDir, Path itProperties) throws IOException, SQLException {
    // The override points the server at this run's database and port, server.env holds its JWT_SECRET:
    // neither may outlive the run.
    Files.deleteIfExists(serverDir.resolve(OVERRIDE));
    Path serverEnv = serverDir.resolve("server.env");
    if (Files.exists(serverEnv)) {
      List<String> env = new java.util.ArrayList<>(Files.readAllLines(serverEnv));
      env.removeIf(line -> line.startsWith("JWT_SECRET="));
      Files.write(serverEnv, env);
    }
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
      if (props.getProperty("database.app.role") != null) {
        st.execute("drop role if exists " + props.getProperty("database.app.role"));
      }
    } catch (SQLException e) {
      System.out.println("[TestDatabase] could not drop " + props.getProperty("database.name") + ": " + e);
      return;
    }
    System.out.println("[TestDatabase] dropped " + props.getProperty("database.name"));
  }

  private static Server findServer() throws Exception {
    if ("embedded".equals(System.getProperty("it.database"))) {
      return embedded();
    }
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
    try {
      return DockerPostgres.start();
    } catch (RuntimeException e) {
      System.out.println("[TestDatabase] " + e.getMessage() + "; starting an embedded PostgreSQL");
    }
    return embedded();
  }

  /**
   * A machine with only a JDK and Maven: PostgreSQL binaries from Maven Central (zonky), run by this Maven JVM
   * until the build ends. Still a real PostgreSQL server.
   */
  private static Server embedded() throws IOException {
    embedded = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
    return new Server("postgresql://postgres@localhost:" + embedded.getPort() + "/postgres",
        "an embedded PostgreSQL on port " + embedded.getPort());
  }

  /** Empties a folder: each run starts with an empty log (LogHygieneIT judges this run's only) and dropins. */
  private static void clearLogs(Path logs) throws IOException {
    if (!Files.isDirectory(logs)) {
      return;
    }
    try (var files = Files.walk(logs)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!file.equals(logs)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static String baseUrl() {
    return "http://localhost:" + System.getProperty("it.port", "9080");
  }

  /** The test server's HTTPS port (metrics only): the server's port + 1000. */
  static int httpsPort() {
    return Integer.parseInt(System.getProperty("it.port", "9080")) + 1000;
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
      // Not DriverManager: it does not see a driver loaded by an earlier exec:java class loader in this JVM.
      return new org.postgresql.Driver().connect(parsed.jdbcUrl(), props);
    }

    String urlFor(String database) {
      return urlFor(database, parsed.user(), parsed.password());
    }

    String urlFor(String database, String user, String password) {
      StringBuilder url = new StringBuilder("postgresql://");
      if (user != null) {
        url.append(enc(user));
        if (password != null) {
          url.append(':').append(enc(password));
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
