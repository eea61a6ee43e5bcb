package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.TestTokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionIT {

  private record Signed(String access, String refresh) {
  }

  private static Signed signIn(String email, String password) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", password)).post("/auth/login");
    r.then().statusCode(200).body("refreshExpiresIn", greaterThan(600_000));
    Api.rememberSecret("refresh token", r.path("refreshToken"));
    return new Signed(r.path("accessToken"), r.path("refreshToken"));
  }

  private static Response refresh(String refreshToken) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("refreshToken", refreshToken)).post("/auth/refresh");
    if (r.statusCode() == 200) {
      Api.rememberSecret("refresh token", r.path("refreshToken"));
    }
    return r;
  }

  private static int me(String access) {
    return Api.anonymous().header("Authorization", "Bearer " + access).get("/me").statusCode();
  }

  /** A fresh organization's owner: e-mail and password, so tests can change its password freely. */
  private static String[] freshOwner() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + unique + "@sessions.example.com";
    String password = "session test pass " + unique;
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("organizationName", "Sessions " + unique, "shopName", "Main", "timeZone", "UTC",
            "currency", "USD", "ownerName", "Owner", "ownerEmail", email, "ownerPassword", password))
        .post("/organizations").then().statusCode(201);
    return new String[] {email, password};
  }

  @Test
  void refreshRotatesTheTokenAndTheNewAccessTokenWorks() {
    Signed first = signIn("advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
    Response rotated = refresh(first.refresh());
    rotated.then().statusCode(200).body("tokenType", equalTo("Bearer"));
    String newRefresh = rotated.path("refreshToken");
    assertThat(newRefresh).isNotEqualTo(first.refresh());
    assertThat(me(rotated.path("accessToken"))).isEqualTo(200);
    refresh(newRefresh).then().statusCode(200);
  }

  /** Moves a rotated token's rotation back in time: replayed now, it is past the grace window. */
  private static void rotatedLongAgo(String sessionOfAccessToken) throws Exception {
    try (var db = Api.database(); var st = db.prepareStatement(
        "update refresh_tokens set used_at = used_at - interval '5 minutes' where session_id = ?::uuid "
            + "and used_at is not null")) {
      st.setString(1, sessionOf(sessionOfAccessToken));
      st.executeUpdate();
    }
  }

  private static String sessionOf(String accessToken) {
    return TestTokens.payloadOf(accessToken).replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
    Signed first = signIn("advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
    Response rotated = refresh(first.refresh());
    rotated.then().statusCode(200);
    // a thief replays it later than a lost answer would be retried (SessionService.REUSE_GRACE)
    rotatedLongAgo(first.access());
    String stolenReplay = first.refresh();
    refresh(stolenReplay).then().statusCode(401).contentType("application/problem+json");
    // the legitimate holder's newer token and both access tokens of the family are dead too
    refresh(rotated.path("refreshToken")).then().statusCode(401);
    assertThat(me(rotated.path("accessToken"))).isEqualTo(401);
    assertThat(me(first.access())).isEqualTo(401);
    try (var db = Api.database(); var st = db.createStatement();
         var rs = st.executeQuery("select count(*) from sessions where revoked_reason = 'refresh-reuse'")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
    }
    String metrics = Api.metrics();
    assertThat(metrics).containsPattern("security_events_total\\{[^}]*kind=\"refresh_reuse\"");
  }

  @Test
  void refreshTokensAreStoredOnlyAsHashes() throws Exception {
    Signed signed = signIn("tech@demo.mechanics.dev", Api.DEMO_PASSWORD);
    try (var db = Api.database(); var st = db.prepareStatement(
        "select count(*) from refresh_tokens where token_hash = ? or token_hash like ?")) {
      st.setString(1, signed.refresh());
      st.setString(2, "%" + signed.refresh().substring(0, 20) + "%");
      var rs = st.executeQuery();
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void logoutEndsTheSessionAndItsRefreshToken() {
    Signed signed = signIn("manager@demo.mechanics.dev", Api.DEMO_PASSWORD);
    assertThat(me(signed.access())).isEqualTo(200);
    Api.anonymous().header("Authorization", "Bearer " + signed.access()).post("/auth/logout")
        .then().statusCode(204);
    assertThat(me(signed.access())).isEqualTo(401);
    refresh(signed.refresh()).then().statusCode(401);
    Api.anonymous().post("/auth/logout").then().statusCode(401);
  }

  @Test
  void changingThePasswordEndsEverySessionOfTheUser() {
    String[] owner = freshOwner();
    Signed one = signIn(owner[0], owner[1]);
    Signed two = signIn(owner[0], owner[1]);
    Api.anonymous().header("Authorization", "Bearer " + one.access())
        .body(Map.of("currentPassword", owner[1], "newPassword", "password1234"))
        .post("/auth/password").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("newPassword"));
    Api.anonymous().header("Authorization", "Bearer " + one.access())
        .body(Map.of("currentPassword", "wrong " + owner[1], "newPassword", "a much better passphrase"))
        .post("/auth/password").then().statusCode(422);
    Api.anonymous().header("Authorization", "Bearer " + one.access())
        .body(Map.of("currentPassword", owner[1], "newPassword", "a much better passphrase"))
        .post("/auth/password").then().statusCode(204);
    assertThat(me(one.access())).isEqualTo(401);
    assertThat(me(two.access())).isEqualTo(401);
    refresh(two.refresh()).then().statusCode(401);
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", owner[0], "password", owner[1])).post("/auth/login").then().statusCode(401);
    assertThat(me(signIn(owner[0], "a much better passphrase").access())).isEqualTo(200);
  }

  @Test
  void accessTokensAreRejectedWhenExpiredForeignKeyedUnsignedOrOfAnotherAlgorithm() throws Exception {
    Signed signed = signIn("owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    long now = System.currentTimeMillis() / 1000;
    String fresh = TestTokens.withTimes(signed.access(), now - 10, now + 600);
    // control: a token minted here with the server's key is accepted, so each rejection below is about its flaw
    assertThat(me(TestTokens.es256WithServerKey(fresh))).isEqualTo(200);

    String expired = TestTokens.withTimes(signed.access(), now - 7200, now - 3600);
    assertThat(me(TestTokens.es256WithServerKey(expired))).as("expired").isEqualTo(401);
    assertThat(me(TestTokens.es256WithOtherKey(fresh))).as("another key").isEqualTo(401);
    assertThat(me(TestTokens.unsigned(fresh))).as("alg none").isEqualTo(401);
    assertThat(me(TestTokens.rs256WithOtherKey(fresh))).as("RS256").isEqualTo(401);
    assertThat(me(TestTokens.hs256(fresh, Api.property("jwt.secret").getBytes(StandardCharsets.UTF_8))))
        .as("HS256 with the secret").isEqualTo(401);
    // a claim changed to another valid value (a later expiry, another token id): with the server's key such a
    // payload is accepted, so the 401 for the swapped one can only come from the signature check
    String changed = fresh.replaceAll("\"exp\":(\\d+)", "\"exp\":" + (now + 900))
        .replaceAll("\"jti\":\"[^\"]+\"", "\"jti\":\"" + UUID.randomUUID() + "\"");
    assertThat(changed).isNotEqualTo(fresh);
    assertThat(me(TestTokens.es256WithServerKey(changed))).as("control: the changed payload, signed").isEqualTo(200);
    String[] parts = TestTokens.es256WithServerKey(fresh).split("\\.");
    String swapped = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(me(swapped)).as("payload changed after signing").isEqualTo(401);
    String noSession = fresh.replaceAll("\"sid\":\"[^\"]+\",?", "");
    assertThat(me(TestTokens.es256WithServerKey(noSession))).as("no session claim").isEqualTo(401);
    assertThat(Api.metrics())
        .containsPattern("security_events_total\\{[^}]*kind=\"invalid_token\"");
  }

  /** Issue 15.11: issuer, audience and the clock-skew boundary (Liberty's mpJwt clockSkew, 30 s). */
  @Test
  void tokensOfAnotherIssuerOrAudienceOrPastTheClockSkewAreRejected() throws Exception {
    Signed signed = signIn("owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    long now = System.currentTimeMillis() / 1000;
    String fresh = TestTokens.withTimes(signed.access(), now - 10, now + 600);
    assertThat(me(TestTokens.es256WithServerKey(fresh))).as("control").isEqualTo(200);
    String otherIssuer = fresh.replace("\"iss\":\"https://mechanics.dev\"", "\"iss\":\"https://evil.example\"");
    assertThat(otherIssuer).isNotEqualTo(fresh);
    assertThat(me(TestTokens.es256WithServerKey(otherIssuer))).as("another issuer").isEqualTo(401);
    String otherAudience = fresh.replaceAll("\"aud\":(\\[?)\"mechanics-api\"", "\"aud\":$1\"another-api\"");
    assertThat(otherAudience).isNotEqualTo(fresh);
    assertThat(me(TestTokens.es256WithServerKey(otherAudience))).as("another audience").isEqualTo(401);
    // expired, but within the 30 s the clocks of two machines may disagree: still accepted
    String justExpired = TestTokens.withTimes(signed.access(), now - 900, now - 10);
    assertThat(me(TestTokens.es256WithServerKey(justExpired))).as("10 s past expiry").isEqualTo(200);
    String pastSkew = TestTokens.withTimes(signed.access(), now - 900, now - 50);
    assertThat(me(TestTokens.es256WithServerKey(pastSkew))).as("50 s past expiry").isEqualTo(401);
  }

  /** Issue 15.11: an expired refresh token is refused; the session's access token stays valid meanwhile. */
  @Test
  void anExpiredRefreshTokenIsRefused() throws Exception {
    Signed signed = signIn("manager@demo.mechanics.dev", Api.DEMO_PASSWORD);
    try (var db = Api.database(); var st = db.prepareStatement(
        "update refresh_tokens set expires_at = now() - interval '1 second' where session_id = ?::uuid")) {
      st.setString(1, sessionOf(signed.access()));
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    refresh(signed.refresh()).then().statusCode(401).contentType("application/problem+json");
    assertThat(me(signed.access())).as("expiry is not theft: the session is not revoked").isEqualTo(200);
  }

  /**
   * Issue 15.11: two refreshes of one token at once (two tabs, or a retry after a lost answer): one rotates, the
   * other gets the same successor within the grace window, and the session lives on; a replay after the window
   * is still theft.
   */
  @Test
  void twoConcurrentRefreshesOfOneTokenKeepTheSession() throws Exception {
    Signed signed = signIn("advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return refresh(signed.refresh());
      }));
    }
    start.countDown();
    Response one = answers.get(0).get();
    Response two = answers.get(1).get();
    pool.shutdown();
    one.then().statusCode(200);
    two.then().statusCode(200);
    assertThat(two.<String>path("refreshToken")).as("one rotation, answered twice").isEqualTo(one.path("refreshToken"));
    assertThat(me(one.path("accessToken"))).isEqualTo(200);
    assertThat(me(two.path("accessToken"))).isEqualTo(200);
    // the lost-answer case: the same token once more, moments later
    refresh(signed.refresh()).then().statusCode(200).body("refreshToken", equalTo(one.path("refreshToken")));
    // the session goes on rotating normally
    Response next = refresh(one.path("refreshToken"));
    next.then().statusCode(200);
    assertThat(me(next.path("accessToken"))).isEqualTo(200);
    // outside the window a replay of the first token is theft: the whole family ends
    rotatedLongAgo(signed.access());
    refresh(signed.refresh()).then().statusCode(401);
    assertThat(me(next.path("accessToken"))).isEqualTo(401);
  }
}
