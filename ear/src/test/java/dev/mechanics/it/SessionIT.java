package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.TestTokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionIT {

  private record Signed(String access, String refresh) {
  }

  private static Signed signIn(String email, String password) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", password)).post("/auth/login");
    r.then().statusCode(200).body("refreshExpiresIn", greaterThan(600_000));
    return new Signed(r.path("accessToken"), r.path("refreshToken"));
  }

  private static Response refresh(String refreshToken) {
    return Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("refreshToken", refreshToken)).post("/auth/refresh");
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

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
    Signed first = signIn("advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
    Response rotated = refresh(first.refresh());
    rotated.then().statusCode(200);
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
    String metrics = Api.anonymous().basePath("").get("/metrics").asString();
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
    String tampered = fresh.replace("\"org\":\"", "\"org\":\"1");
    String[] parts = TestTokens.es256WithServerKey(fresh).split("\\.");
    String swapped = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(tampered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(me(swapped)).as("payload changed after signing").isEqualTo(401);
    String noSession = fresh.replaceAll("\"sid\":\"[^\"]+\",?", "");
    assertThat(me(TestTokens.es256WithServerKey(noSession))).as("no session claim").isEqualTo(401);
    assertThat(Api.anonymous().basePath("").get("/metrics").asString())
        .containsPattern("security_events_total\\{[^}]*kind=\"invalid_token\"");
  }
}
