package dev.mechanics.it;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignUpIT {

  private static Map<String, Object> signUp(String email) {
    Map<String, Object> body = new HashMap<>();
    body.put("organizationName", "Brake Bros");
    body.put("shopName", "Brake Bros Main");
    body.put("timeZone", "Europe/Berlin");
    body.put("currency", "EUR");
    body.put("ownerName", "Bea Brake");
    body.put("ownerEmail", email);
    body.put("ownerPassword", "a long enough password");
    return body;
  }

  @Test
  void signUpCreatesAChainWithItsFirstShopAndOwner() {
    String email = "bea-" + UUID.randomUUID() + "@example.com";
    Api.anonymous().body(signUp(email)).post("/organizations")
        .then().statusCode(201)
        .header("Location", endsWith("/api/v1/me"))
        .body("organizationName", equalTo("Brake Bros"))
        .body("ownerEmail", equalTo(email));
    String token = Api.login(email, "a long enough password");
    Api.anonymous().header("Authorization", "Bearer " + token).get("/shops")
        .then().statusCode(200).body("items.name", containsInAnyOrder("Brake Bros Main"));
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me")
        .then().statusCode(200).body("memberships.role", containsInAnyOrder("OWNER"))
        .body("organization.currency", equalTo("EUR"));
  }

  @Test
  void everyFieldIsValidatedAndEachProblemListed() {
    Map<String, Object> body = signUp("not-an-email");
    body.put("timeZone", "Mars/Olympus");
    body.put("currency", "XYZ");
    body.put("ownerPassword", "short");
    body.remove("shopName");
    Api.anonymous().body(body).post("/organizations")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("ownerEmail", "timeZone", "currency", "ownerPassword", "shopName"));
  }

  @Test
  void anE_mailCanOwnOnlyOneAccount() {
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    Api.anonymous().body(signUp(email)).post("/organizations").then().statusCode(201);
    Api.anonymous().body(signUp(email.toUpperCase())).post("/organizations")
        .then().statusCode(409).contentType("application/problem+json")
        .body("errors.field", hasItem("ownerEmail"));
  }
}
