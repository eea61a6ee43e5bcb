package dev.mechanics.it.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The started server as the integration tests see it: its URL, its database and signed-in callers. */
public final class Api {

  public static final String DEMO_PASSWORD = "demo-Garage-2026";
  private static final Properties PROPS = load();
  private static volatile boolean ready;
  /** Every token and password the tests used: none may ever appear in the server's log (LogHygieneIT). */
  private static final java.util.Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** What kinds of secret were gathered, so LogHygieneIT can tell that it checked each kind the API hands out. */
  private static final java.util.Set<String> KINDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public static java.util.Set<String> secretsUsed() {
    return java.util.Set.copyOf(SECRETS);
  }

  public static java.util.Set<String> secretKindsUsed() {
    return java.util.Set.copyOf(KINDS);
  }

  public static void rememberSecret(String secret) {
    SECRETS.add(secret);
  }

  /** A secret the application handed out ({@code kind}: "refresh token", "approval link", ...). */
  public static void rememberSecret(String kind, String secret) {
    SECRETS.add(secret);
    KINDS.add(kind);
  }

  private Api() {
  }

  private static Properties load() {
    Properties props = new Properties();
    String file = System.getProperty("it.properties", "target/it.properties");
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      props.load(in);
    } catch (Exception e) {
      throw new IllegalStateException("No " + file + ": run the integration tests through Maven (mvn verify)", e);
    }
    return props;
  }

  public static java.nio.file.Path storageDir() {
    return java.nio.file.Path.of(PROPS.getProperty("storage.dir"));
  }

  /** The JDBC URL and credentials of this run's database (for tests that open their own connections). */
  public static dev.mechanics.platform.datasource.DatabaseUrl databaseUrl() {
    return dev.mechanics.platform.datasource.DatabaseUrl.parse(PROPS.getProperty("database.url"));
  }

  public static String baseUrl() {
    return PROPS.getProperty("base.url");
  }

  /**
   * The server's metrics in Prometheus format, read as a scraper must: over HTTPS with the scraper's credentials
   * (the test server's configDropins gives it both; plain /metrics refuses everyone, issue 15.4).
   */
  public static String metrics() {
    return metrics("");
  }

  /** As {@link #metrics()}, with a query such as {@code ?scope=application}. */
  public static String metrics(String query) {
    awaitReady();
    rememberSecret("metrics password", PROPS.getProperty("metrics.password"));
    return given().relaxedHTTPSValidation().auth().preemptive()
        .basic(PROPS.getProperty("metrics.user"), PROPS.getProperty("metrics.password"))
        .accept("text/plain").get(PROPS.getProperty("metrics.url") + query).then().statusCode(200).extract()
        .asString();
  }

  /** Waits for /health/ready: Liberty reports "started" even when the application failed to start. */
  public static synchronized void awaitReady() {
    if (ready) {
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    // generous: on the shared 2-core machine under a load average of 30+ the application took over 5 minutes to
    // start after Liberty said "started" (the tests measure behaviour, never start-up time)
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (last == 200) {
          ready = true;
          RestAssured.baseURI = baseUrl();
          return;
        }
      } catch (Exception e) {
        // not listening yet
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("The server never became ready (last /health/ready status " + last + ")");
  }

  public static String property(String name) {
    return PROPS.getProperty(name);
  }

  /** A made-up client address (the test server trusts X-Forwarded-For), so per-address limits stay apart. */
  public static String randomClientAddress() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  /** This run's Azurite connection string; fails (never skips) when the build could not provide Azurite. */
  public static String azurite() {
    String connection = PROPS.getProperty("azurite.connection");
    if (connection == null) {
      throw new IllegalStateException(PROPS.getProperty("azurite.error", "No Azurite for this test run"));
    }
    return connection;
  }

  public static Connection database() throws SQLException {
    return connect(PROPS.getProperty("database.url"));
  }

  /** This run's database as the application's own role (which owns no tables). */
  public static Connection databaseAsApplication() throws SQLException {
    return connect(PROPS.getProperty("database.app.url"));
  }

  private static Connection connect(String databaseUrl) throws SQLException {
    dev.mechanics.platform.datasource.DatabaseUrl url = dev.mechanics.platform.datasource.DatabaseUrl.parse(databaseUrl);
    Properties p = new Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    return new org.postgresql.Driver().connect(url.jdbcUrl(), p);
  }

  public static RequestSpecification anonymous() {
    awaitReady();
    return given().baseUri(baseUrl()).basePath("/api/v1").contentType(ContentType.JSON);
  }

  public static String login(String email, String password) {
    rememberSecret("password", password);
    Response signedIn = anonymous().body(Map.of("email", email, "password", password)).post("/auth/login");
    signedIn.then().statusCode(200);
    String token = signedIn.path("accessToken");
    rememberSecret("access token", token);
    rememberSecret("refresh token", signedIn.path("refreshToken"));
    return token;
  }

  public static Tenant demoAs(String role) {
    String email = switch (role) {
      case "OWNER" -> "owner@demo.mechanics.dev";
      case "MANAGER" -> "manager@demo.mechanics.dev";
      case "SERVICE_ADVISOR" -> "advisor@demo.mechanics.dev";
      default -> "tech@demo.mechanics.dev";
    };
    String token = login(email, DEMO_PASSWORD);
    return Tenant.of(token);
  }

  /** Signs up a brand-new organization (its own tenant) and signs its owner in. */
  public static Tenant newOrganization(String label) {
    String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + unique + "@example.com";
    String password = "correct horse battery " + unique;
    Response r = anonymous().body(Map.of("organizationName", "Org " + unique, "shopName", "Main " + unique,
            "timeZone", "America/New_York", "currency", "USD", "ownerName", "Owner " + unique,
            "ownerEmail", email, "ownerPassword", password))
        .post("/organizations");
    r.then().statusCode(201);
    return Tenant.of(login(email, password));
  }

  /** A signed-in caller: the token and the organization and first shop it belongs to. */
  public record Tenant(String token, String organizationId, String shopId) {

    public static Tenant of(String token) {
      Response me = given().baseUri(baseUrl()).basePath("/api/v1").header("Authorization", "Bearer " + token)
          .get("/me");
      me.then().statusCode(200);
      return new Tenant(token, me.path("organization.id"), me.path("memberships[0].shopId"));
    }

    public RequestSpecification request() {
      return anonymous().header("Authorization", "Bearer " + token);
    }

    public String createCustomer(String first, String last) {
      return request().body(Map.of("firstName", first, "lastName", last, "email",
              first.toLowerCase() + "." + last.toLowerCase() + "@example.com", "phone", "+1 555 010 2030"))
          .post("/customers").then().statusCode(201).extract().path("id");
    }
  }
}
