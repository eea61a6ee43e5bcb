package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The test server allows 600 sign-in attempts per address and 3000 calls per user per minute. */
class RateLimitIT {

  @Test
  void signInAttemptsPerAddressAreLimitedWith429ProblemAndRetryAfter() throws Exception {
    String address = Api.randomClientAddress();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    java.util.List<Future<?>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      all.add(pool.submit(() -> {
        // an invalid body is cheap for the server and still counts as an attempt
        int status = Api.anonymous().header("X-Forwarded-For", address).body("{}").post("/auth/login").statusCode();
        if (status == 429) {
          refused.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    assertThat(refused.get()).isZero();
    Response over = Api.anonymous().header("X-Forwarded-For", address)
        .body(Map.of("email", "owner@demo.mechanics.dev", "password", Api.DEMO_PASSWORD)).post("/auth/login");
    over.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
    assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 60);
    assertThat(Api.metrics())
        .containsPattern("security_events_total\\{[^}]*kind=\"rate_limited\"");
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      String value = redis.get(Api.property("redis.prefix") + "ratelimit:signin:" + address);
      assertThat(value).as("the counter lives in the shared Redis under this run's prefix").isNotNull();
      assertThat(Long.parseLong(value)).isGreaterThanOrEqualTo(601);
    }
  }

  @Test
  void callsPerUserAreLimited() throws Exception {
    Api.Tenant tenant = Api.newOrganization("ratelimit");
    String userId = tenant.request().get("/me").then().statusCode(200).extract().path("id");
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    java.util.List<Future<?>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(pool.submit(() -> {
        if (tenant.request().get("/shops/not-an-id").statusCode() == 429) {
          refused.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    assertThat(refused.get()).as("300 calls are within the 3000 a minute").isZero();
    String key = Api.property("redis.prefix") + "ratelimit:user:" + userId;
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      assertThat(Long.parseLong(redis.get(key))).as("every call was counted in the shared Redis")
          .isGreaterThanOrEqualTo(301);
      // the rest of this minute's budget spent at once: how fast this machine sends 3000 calls does not matter
      redis.setex(key, 60, "3000");
    }
    Response over = tenant.request().get("/me");
    over.then().statusCode(429).contentType("application/problem+json")
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    // another user is not affected
    Api.demoAs("TECHNICIAN").request().get("/me").then().statusCode(200);
  }

  /**
   * Issue 15.2: behind Front Door every request comes from the same proxies. The test server trusts them as the
   * templates do (ranges, IPv4 and IPv6) and reads each client from X-Forwarded-For, ports and all: one client
   * spending its failed sign-ins (40 an hour here) leaves another's budget alone.
   */
  @Test
  void twoClientsBehindTheSameFrontDoorHaveTheirOwnSignInBudgets() {
    String frontDoor = "147.243.9.9";
    String mallory = "[2001:db8:15::" + Integer.toHexString(new java.util.Random().nextInt(0xffff)) + "]:50"
        + new java.util.Random().nextInt(100, 999);
    String alice = Api.randomClientAddress().replace("10.", "203.") + ":44321";
    Map<String, String> wrong = Map.of("email", "owner@demo.mechanics.dev", "password", "guessing wrong");
    int refused = 0;
    for (int i = 0; i < 45 && refused == 0; i++) {
      int status = Api.anonymous().header("X-Forwarded-For", mallory + ", " + frontDoor).body(Map.of("email",
          "nobody-" + i + "@example.com", "password", "guessing wrong")).post("/auth/login").statusCode();
      refused = status == 429 ? i : 0;
    }
    assertThat(refused).as("the guesser's own budget ran out").isGreaterThan(0);
    // the same client on another port and another Front Door back end is still the same client
    Api.anonymous().header("X-Forwarded-For", mallory.replaceAll(":\\d+$", ":1") + ", 2a01:111:2050::7")
        .body(wrong).post("/auth/login").then().statusCode(429);
    // a neighbour behind the same Front Door signs in as usual
    Api.anonymous().header("X-Forwarded-For", alice + ", " + frontDoor)
        .body(Map.of("email", "owner@demo.mechanics.dev", "password", Api.DEMO_PASSWORD)).post("/auth/login")
        .then().statusCode(200);
  }
}
