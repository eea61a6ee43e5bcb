package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.mechanics.it.support.Api;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticationIT {

  @Test
  void signInReturnsABearerTokenThatOpensTheApi() {
    Api.anonymous().body(Map.of("email", "owner@demo.mechanics.dev", "password", Api.DEMO_PASSWORD))
        .post("/auth/login")
        .then().statusCode(200)
        .body("tokenType", equalTo("Bearer"))
        .body("expiresIn", equalTo(900))
        .body("accessToken", notNullValue());
    Api.demoAs("OWNER").request().get("/me")
        .then().statusCode(200)
        .body("email", equalTo("owner@demo.mechanics.dev"))
        .body("organization.name", equalTo("Demo Auto Care"))
        .body("memberships.role", hasItem("OWNER"));
  }

  @Test
  void wrongPasswordAndUnknownEmailAreTheSame401() {
    String wrongPassword = Api.anonymous()
        .body(Map.of("email", "owner@demo.mechanics.dev", "password", "not the password"))
        .post("/auth/login").then().statusCode(401).contentType("application/problem+json")
        .extract().path("detail");
    String unknownEmail = Api.anonymous()
        .body(Map.of("email", "nobody@demo.mechanics.dev", "password", "not the password"))
        .post("/auth/login").then().statusCode(401).contentType("application/problem+json")
        .extract().path("detail");
    org.assertj.core.api.Assertions.assertThat(unknownEmail).isEqualTo(wrongPassword);
  }

  @Test
  void everyProtectedEndpointAnswers401ProblemWithoutAToken() {
    for (String path : new String[] {"/me", "/shops", "/customers", "/vehicles"}) {
      Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json")
          .header("WWW-Authenticate", startsWith("Bearer"))
          .body("status", equalTo(401));
    }
  }

  @Test
  void tamperedOrForeignTokensAreRejected() {
    String token = Api.login("owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    // every claim stays well-formed (another organization's valid id): only the signature can refuse it
    String forged = payload.replace("\"OWNER\"", "\"OWNER\",\"MANAGER\"")
        .replaceFirst("\"org\":\"[0-9a-f-]{36}\"", "\"org\":\"" + UUID.randomUUID() + "\"");
    assertThat(forged).isNotEqualTo(payload).containsPattern("\"org\":\"[0-9a-f-]{36}\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
        + "." + parts[2];
    String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
        + "." + parts[1] + ".";
    for (String bad : new String[] {tampered, unsigned, "not-a-jwt", token.substring(0, token.length() - 4)}) {
      Api.anonymous().header("Authorization", "Bearer " + bad).get("/customers")
          .then().statusCode(401).contentType("application/problem+json");
    }
  }

  @Test
  void loginValidatesItsBody() {
    Api.anonymous().body(Map.of("email", "")).post("/auth/login")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("password"));
  }
}
