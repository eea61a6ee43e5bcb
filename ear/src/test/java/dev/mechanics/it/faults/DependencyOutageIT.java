package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.FaultsDatabase;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.OutageClient;
import dev.mechanics.it.faults.support.OutageClient.Answer;
import dev.mechanics.it.faults.support.ServerProcess;
import dev.mechanics.it.faults.support.TcpProxy;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Issue 16, items 3 to 5: one server whose PostgreSQL, Redis and Blob Storage are each behind a {@link TcpProxy}.
 * Each dependency in turn goes down (cut: connections closed and refused) and hangs (blackhole: connections
 * accepted, never answered), then comes back; the server is never restarted. Every call made during an outage has
 * a hard limit on the client side, so a server that waits longer fails the test. The recovery times (dependency
 * back to the first answer as before) are printed as {@code [recovery]} lines (docs/benchmarks.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(LogOnFailure.class)
class DependencyOutageIT {

  /** Issue 16.3: a call that meets a database that is down or hangs answers within 5 s. */
  private static final Duration DATABASE_LIMIT = Duration.ofSeconds(5);
  /** Two tries of at most 3 s each and the pause between (AzureBlobFileStore), and the request's own work. */
  private static final Duration STORAGE_LIMIT = Duration.ofSeconds(12);
  private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

  private FaultsDatabase database;
  private TcpProxy postgres;
  private TcpProxy redis;
  private TcpProxy blob;
  private ServerProcess server;
  private OutageClient owner;
  private String redisPrefix;

  @BeforeAll
  void startServerBehindProxies() throws Exception {
    database = FaultsDatabase.create("deps");
    postgres = TcpProxy.to("postgres", database.serverPort());
    redis = TcpProxy.to("redis", 6379);
    int azurite = Integer.getInteger("it.azurite.port", 10000);
    blob = TcpProxy.to("azurite", azurite);
    Map<String, String> env = ServerProcess.environment(database);
    env.put("DATABASE_URL", database.appUrlThrough(postgres.port()));
    env.put("DATABASE_MIGRATION_URL", database.migrationUrlThrough(postgres.port()));
    env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port());
    redisPrefix = env.get("REDIS_KEY_PREFIX");
    String storage = env.get("AZURE_STORAGE_CONNECTION_STRING");
    assertThat(storage).as("this run's Azurite (it.properties)").isNotNull();
    env.put("AZURE_STORAGE_CONNECTION_STRING", storage.replace("127.0.0.1:" + azurite + "/",
        "127.0.0.1:" + blob.port() + "/"));
    server = ServerProcess.prepare("dependency-outage", env).start();
    owner = new OutageClient(server.baseUrl()).signInAsDemoOwner();
  }

  @AfterAll
  void stopAll() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {server, postgres, redis, blob, database}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @Order(1)
  void aDatabaseThatIsDownAnswers503FastReadinessGoesDownAndTheServerRecoversByItself() throws Exception {
    assertThat(customers().status()).isEqualTo(200);
    postgres.cut();
    expectDatabaseUnavailable();
    postgres.restore();
    long recovered = owner.timeUntil(this::customers, Answer::ok, BACK_WITHIN);
    System.out.println("[recovery] postgres cut: first 2xx " + recovered + " ms after the database was back");
    assertThat(owner.get("/health/ready", DATABASE_LIMIT).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aDatabaseThatHangsAnswers503FastToo() throws Exception {
    assertThat(customers().status()).isEqualTo(200);
    postgres.blackhole();
    expectDatabaseUnavailable();
    postgres.restore();
    long recovered = owner.timeUntil(this::customers, Answer::ok, BACK_WITHIN);
    System.out.println("[recovery] postgres blackhole: first 2xx " + recovered + " ms after the database was back");
    assertThat(owner.get("/health/ready", DATABASE_LIMIT).status()).isEqualTo(200);
  }

  private void expectDatabaseUnavailable() throws Exception {
    for (int i = 0; i < 3; i++) {
      Answer answer = customers();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("type").asText()).endsWith("/database-unavailable");
    }
    Answer ready = owner.get("/health/ready", DATABASE_LIMIT);
    assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
    assertThat(ready.body()).contains("\"database\"").contains("DOWN");
  }

  @Test
  @Order(3)
  void withoutRedisRateLimitsAreCountedLocallyHealthSaysDegradedAndTheSharedCountersComeBack() throws Exception {
    String counter = redisPrefix + "ratelimit:user:" + owner.get("/api/v1/me", DATABASE_LIMIT).json().path("id")
        .asText();
    long before = sharedCount(counter);
    assertThat(customers().status()).isEqualTo(200);
    assertThat(sharedCount(counter)).as("counted in Redis while it answers").isGreaterThan(before);

    for (String outage : new String[] {"cut", "blackhole"}) {
      if (outage.equals("cut")) {
        redis.cut();
      } else {
        redis.blackhole();
      }
      long during = sharedCount(counter);
      for (int i = 0; i < 5; i++) {
        Answer answer = customers();
        assertThat(answer.status()).as("served without Redis (%s): %s", outage, answer).isEqualTo(200);
      }
      assertThat(sharedCount(counter)).as("nothing reached Redis").isEqualTo(during);
      owner.timeUntil(this::health, h -> "degraded".equals(h.json().path("checks").path("redis").path("status")
          .asText()), BACK_WITHIN);
      Answer health = health();
      assertThat(health.status()).as("degraded is not down: %s", health).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("degraded");
      assertThat(owner.get("/health/ready", DATABASE_LIMIT).status()).as("still ready").isEqualTo(200);

      redis.restore();
      long back = sharedCount(counter);
      long recovered = owner.timeUntil(() -> {
        Answer a = customers();
        return sharedCount(counter) > back ? a : new Answer(0, "", "still counted locally", a.millis());
      }, Answer::ok, BACK_WITHIN);
      System.out.println("[recovery] redis " + outage + ": shared counters again " + recovered
          + " ms after Redis was back");
      owner.timeUntil(this::health, h -> "healthy".equals(h.json().path("checks").path("redis").path("status")
          .asText()), BACK_WITHIN);
    }
  }

  @Test
  @Order(4)
  void withoutBlobStorageUploadsAndDownloadsAnswer503FastAndWorkAgainOnceItIsBack() throws Exception {
    String workOrder = newWorkOrder();
    byte[] photo = jpeg(200 * 1024);
    String path = "/api/v1/work-orders/" + workOrder + "/attachments";
    Answer stored = owner.post(path + "?name=before.jpg", "image/jpeg", photo, STORAGE_LIMIT);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    String attachment = path + "/" + stored.json().path("id").asText();

    for (String outage : new String[] {"cut", "blackhole"}) {
      if (outage.equals("cut")) {
        blob.cut();
      } else {
        blob.blackhole();
      }
      Answer upload = owner.post(path + "?name=during.jpg", "image/jpeg", photo, STORAGE_LIMIT);
      assertThat(upload.status()).as("upload with storage %s: %s", outage, upload).isEqualTo(503);
      assertThat(upload.contentType()).startsWith("application/problem+json");
      assertThat(upload.json().path("type").asText()).endsWith("/storage-unavailable");
      Answer download = owner.get(attachment, STORAGE_LIMIT);
      assertThat(download.status()).as("download with storage %s: %s", outage, download).isEqualTo(503);
      assertThat(download.contentType()).startsWith("application/problem+json");
      owner.timeUntil(this::health, h -> "unhealthy".equals(h.json().path("checks").path("storage")
          .path("status").asText()), BACK_WITHIN);
      Answer health = health();
      assertThat(health.status()).as("storage away is degraded, not down: %s", health).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("degraded");

      blob.restore();
      long recovered = owner.timeUntil(() -> owner.post(path + "?name=after.jpg", "image/jpeg", photo,
          STORAGE_LIMIT), a -> a.status() == 201, BACK_WITHIN);
      System.out.println("[recovery] blob storage " + outage + ": first 2xx upload " + recovered
          + " ms after storage was back");
      assertThat(owner.download(attachment, STORAGE_LIMIT)).isEqualTo(photo);
    }
    Answer listed = owner.get(path, DATABASE_LIMIT);
    assertThat(listed.json().path("items").size()).as("no upload of an outage was recorded: %s", listed)
        .isEqualTo(3);
  }

  private Answer customers() throws Exception {
    return owner.get("/api/v1/customers", DATABASE_LIMIT);
  }

  private Answer health() throws Exception {
    return owner.get("/api/v1/health", STORAGE_LIMIT);
  }

  private long sharedCount(String key) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      String value = jedis.get(key);
      return value == null ? 0 : Long.parseLong(value);
    }
  }

  private String newWorkOrder() throws Exception {
    String shop = owner.get("/api/v1/shops", DATABASE_LIMIT).json().path("items").path(0).path("id").asText();
    String customer = owner.get("/api/v1/customers", DATABASE_LIMIT).json().path("items").path(0).path("id")
        .asText();
    Answer vehicle = owner.post("/api/v1/vehicles", "{\"customerId\":\"" + customer + "\",\"vin\":\""
        + dev.mechanics.it.support.Vins.random() + "\",\"make\":\"Toyota\",\"model\":\"Corolla\",\"year\":2017,"
        + "\"mileage\":120000}", DATABASE_LIMIT);
    assertThat(vehicle.status()).as(vehicle.toString()).isEqualTo(201);
    Answer order = owner.post("/api/v1/work-orders", "{\"shopId\":\"" + shop + "\",\"customerId\":\"" + customer
        + "\",\"vehicleId\":\"" + vehicle.json().path("id").asText() + "\",\"mileageIn\":120500,"
        + "\"complaint\":\"Grinding noise when braking\"}", DATABASE_LIMIT);
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order.json().path("id").asText();
  }

  private static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    byte[] magic = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }
}
