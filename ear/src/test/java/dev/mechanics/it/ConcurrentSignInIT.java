package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.9: sign-ins hash on a few low-priority threads in turn (PasswordHasher), so twenty at once queue for
 * them; each must end signed in, with a session of its own, on the server as deployed. On a loaded machine a
 * sign-in may wait longer than PASSWORD_HASH_MAX_WAIT_MS and be told 429 with Retry-After: the client comes back
 * then, as a browser app would, and nothing else than that 429 problem may be answered.
 */
class ConcurrentSignInIT {

  private static final int SIGN_INS = 20;

  @Test
  void twentySignInsAtOnceAllSucceedEachWithItsOwnSession() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + unique + "@concurrent-signin.example.com";
    String password = "twenty at once " + unique;
    Api.rememberSecret("password", password);
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("organizationName", "Concurrent " + unique, "shopName", "Main", "timeZone", "UTC",
            "currency", "USD", "ownerName", "Owner", "ownerEmail", email, "ownerPassword", password))
        .post("/organizations").then().statusCode(201);

    ExecutorService clients = Executors.newFixedThreadPool(SIGN_INS);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger refused = new AtomicInteger();
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < SIGN_INS; i++) {
        // each from an address of its own: the per-address budget is not what is tested here
        String address = Api.randomClientAddress();
        answers.add(clients.submit(() -> {
          start.await();
          long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
          while (true) {
            Response answer = Api.anonymous().header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password)).post("/auth/login");
            if (answer.statusCode() != 429 || System.nanoTime() > deadline) {
              return answer;
            }
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).as("when to come back").matches("[1-9][0-9]*");
            refused.incrementAndGet();
            Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(10, Long.parseLong(answer.header("Retry-After")))));
          }
        }));
      }
      start.countDown();
      Set<String> refreshTokens = new HashSet<>();
      for (Future<Response> answer : answers) {
        Response signedIn = answer.get(5, TimeUnit.MINUTES);
        assertThat(signedIn.statusCode()).as(signedIn.asString()).isEqualTo(200);
        String access = signedIn.path("accessToken");
        String refresh = signedIn.path("refreshToken");
        Api.rememberSecret("access token", access);
        Api.rememberSecret("refresh token", refresh);
        refreshTokens.add(refresh);
        Api.anonymous().header("Authorization", "Bearer " + access).get("/me")
            .then().statusCode(200);
      }
      assertThat(refreshTokens).hasSize(SIGN_INS);
      System.out.printf("[ConcurrentSignInIT] %d sign-ins at once: all signed in, %d answers 429 on the way%n",
          SIGN_INS, refused.get());
    } finally {
      clients.shutdownNow();
    }
  }
}
