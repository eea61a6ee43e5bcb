package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web app's sessions (docs/adr/0043): the refresh token travels only in an HttpOnly; Secure;
 * SameSite=Strict cookie limited to /api/v1/auth/session, rotates on every refresh, a reused one ends the
 * session, and sign-out ends it and clears the cookie. The body mode of /auth/login is unchanged (SessionIT).
 */
class BrowserSessionIT {

  private static final String COOKIE = "mechanics_refresh";

  private static Response signIn() {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", "advisor@demo.mechanics.dev", "password", Api.DEMO_PASSWORD)).post("/auth/session");
    r.then().statusCode(200);
    Api.rememberSecret("refresh token", r.cookie(COOKIE));
    return r;
  }

  private static Response refresh(String cookie) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .header("Cookie", COOKIE + "=" + cookie).post("/auth/session/refresh");
    if (r.statusCode() == 200) {
      Api.rememberSecret("refresh token", r.cookie(COOKIE));
    }
    return r;
  }

  private static int me(String access) {
    return Api.anonymous().header("Authorization", "Bearer " + access).get("/me").statusCode();
  }

  @Test
  void signInSetsTheRefreshTokenOnlyAsAStrictHttpOnlyCookieOfTheSessionPath() {
    Response r = signIn();
    String setCookie = r.header("Set-Cookie");
    assertThat(setCookie).startsWith(COOKIE + "=").contains("; HttpOnly").contains("; Secure")
        .contains("; SameSite=Strict").contains("; Path=/api/v1/auth/session;").containsPattern("Max-Age=\\d{5,}");
    assertThat(r.jsonPath().getMap("")).containsOnlyKeys("accessToken", "tokenType", "expiresIn");
    assertThat(r.asString()).doesNotContain(r.cookie(COOKIE));
    assertThat(me(r.path("accessToken"))).isEqualTo(200);
  }

  @Test
  void refreshRotatesTheCookieAndAReusedCookieEndsTheSession() {
    String first = signIn().cookie(COOKIE);
    Response rotated = refresh(first);
    rotated.then().statusCode(200);
    String second = rotated.cookie(COOKIE);
    assertThat(second).isNotBlank().isNotEqualTo(first);
    assertThat(rotated.header("Set-Cookie")).contains("; HttpOnly").contains("; SameSite=Strict");
    String access = rotated.path("accessToken");
    assertThat(me(access)).isEqualTo(200);

    Response third = refresh(second);
    third.then().statusCode(200);
    String latest = third.cookie(COOKIE);
    // replaying the first cookie (two rotations ago) is never a lost answer: the whole session ends
    Response replay = refresh(first);
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.header("Set-Cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0");
    assertThat(refresh(latest).statusCode()).isEqualTo(401);
    assertThat(me(third.path("accessToken"))).isEqualTo(401);
  }

  @Test
  void withoutACookieRefreshSaysNobodyIsSignedIn() {
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).post("/auth/session/refresh")
        .then().statusCode(204);
    Response garbage = refresh("not-a-refresh-token");
    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(garbage.contentType()).startsWith("application/problem+json");
  }

  @Test
  void signOutEndsTheSessionAndClearsTheCookie() {
    Response session = signIn();
    String cookie = session.cookie(COOKIE);
    Response out = Api.anonymous().header("Cookie", COOKIE + "=" + cookie).delete("/auth/session");
    out.then().statusCode(204);
    assertThat(out.header("Set-Cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0")
        .contains("Path=/api/v1/auth/session");
    assertThat(refresh(cookie).statusCode()).isEqualTo(401);
    assertThat(me(session.path("accessToken"))).isEqualTo(401);
    // signing out again (no cookie left) is no error
    Api.anonymous().delete("/auth/session").then().statusCode(204);
  }

  @Test
  void wrongPasswordIsTheSame401WithoutACookie() {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", "advisor@demo.mechanics.dev", "password", "not the password")).post("/auth/session");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.header("Set-Cookie")).isNull();
  }
}
