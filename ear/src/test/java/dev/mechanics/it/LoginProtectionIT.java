package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginProtectionIT {

  private static Response login(String address, String email, String password) {
    return Api.anonymous().header("X-Forwarded-For", address)
        .body(Map.of("email", email, "password", password)).post("/auth/login");
  }

  private static String[] freshOwner(String password) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + unique + "@lockout.example.com";
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("organizationName", "Lockout " + unique, "shopName", "Main", "timeZone", "UTC",
            "currency", "USD", "ownerName", "Owner", "ownerEmail", email, "ownerPassword", password))
        .post("/organizations").then().statusCode(201);
    return new String[] {email, password};
  }

  @Test
  void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordAndTheAnswerStaysTheSame() throws Exception {
    String[] owner = freshOwner("lockout test passphrase");
    String wrongDetail = null;
    for (int i = 0; i < 5; i++) {
      wrongDetail = login(Api.randomClientAddress(), owner[0], "not it " + i).then().statusCode(401)
          .extract().path("detail");
    }
    Response locked = login(Api.randomClientAddress(), owner[0], owner[1]);
    locked.then().statusCode(401).contentType("application/problem+json").body("detail", equalTo(wrongDetail));
    try (var db = Api.database(); var st = db.prepareStatement(
        "select locked_until > now(), lockouts from users where email = ?")) {
      st.setString(1, owner[0]);
      var rs = st.executeQuery();
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getInt(2)).isEqualTo(1);
    }
    String metrics = Api.metrics();
    assertThat(metrics).containsPattern("security_events_total\\{[^}]*kind=\"lockout\"");
    assertThat(metrics).containsPattern("security_events_total\\{[^}]*kind=\"login_failed\"");
  }

  @Test
  void unknownAndKnownEmailsAnswerTheSameStatusBodyAndSimilarTime() {
    String address = Api.randomClientAddress();
    login(address, "owner@demo.mechanics.dev", "warm-up wrong").then().statusCode(401);
    long[] known = new long[7];
    long[] unknown = new long[7];
    String knownBody = null;
    String unknownBody = null;
    for (int i = 0; i < known.length; i++) {
      long t0 = System.nanoTime();
      Response k = login(Api.randomClientAddress(), "tech@demo.mechanics.dev", "wrong password " + i);
      known[i] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      Response u = login(Api.randomClientAddress(), "nobody-" + i + "@demo.mechanics.dev", "wrong password " + i);
      unknown[i] = System.nanoTime() - t0;
      assertThat(k.statusCode()).isEqualTo(401);
      assertThat(u.statusCode()).isEqualTo(401);
      knownBody = k.jsonPath().getString("detail") + k.jsonPath().getString("title");
      unknownBody = u.jsonPath().getString("detail") + u.jsonPath().getString("title");
      if (i == 3) {
        // keep the demo technician usable for other tests: a success resets the failure count
        login(Api.randomClientAddress(), "tech@demo.mechanics.dev", Api.DEMO_PASSWORD).then().statusCode(200);
      }
    }
    assertThat(unknownBody).isEqualTo(knownBody);
    long knownMedian = median(known);
    long unknownMedian = median(unknown);
    // both do one Argon2 verification: the medians stay within a factor of two of each other
    assertThat((double) Math.max(knownMedian, unknownMedian) / Math.min(knownMedian, unknownMedian))
        .isLessThan(2.0);
  }

  @Test
  void manyFailuresFromOneAddressBlockItWith429AndRetryAfter() throws Exception {
    String address = Api.randomClientAddress();
    List<Thread> threads = new ArrayList<>();
    int[] statuses = new int[40];
    for (int t = 0; t < 4; t++) {
      int offset = t * 10;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10; i++) {
          statuses[offset + i] = login(address, "nobody-" + UUID.randomUUID() + "@x.example.com", "wrong wrong wrong")
              .statusCode();
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(Arrays.stream(statuses).allMatch(s -> s == 401)).isTrue();
    Response blocked = login(address, "owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    blocked.then().statusCode(429).contentType("application/problem+json");
    assertThat(Integer.parseInt(blocked.header("Retry-After"))).isPositive();
    // another address is not affected
    login(Api.randomClientAddress(), "owner@demo.mechanics.dev", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void signUpRefusesShortAndBreachedPasswords() {
    for (String weak : new String[] {"short pass", "password1234", "Qwertyuiop123", "iloveyou2026!"}) {
      Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
          .body(Map.of("organizationName", "Weak " + weak, "shopName", "Main", "timeZone", "UTC",
              "currency", "USD", "ownerName", "Owner", "ownerEmail", UUID.randomUUID() + "@weak.example.com",
              "ownerPassword", weak))
          .post("/organizations");
      assertThat(r.statusCode()).as(weak).isIn(400, 422);
      assertThat(r.jsonPath().getList("errors.field")).as(weak).contains("ownerPassword");
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
