package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserIT {

  private static String login(String email, String password) {
    return Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", password)).post("/auth/login")
        .then().statusCode(200).extract().path("accessToken");
  }

  @Test
  void anOwnerCreatesAUserWhoSignsInAndDisablingEndsTheirSessionAtOnce() {
    Api.Tenant owner = Api.newOrganization("users");
    String email = "tech-" + UUID.randomUUID().toString().substring(0, 8) + "@users.example.com";
    String id = owner.request().body(Map.of("email", email, "name", "Tess Tech", "password", "torque wrench 42 nm",
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201).extract().path("id");
    String token = login(email, "torque wrench 42 nm");
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me").then().statusCode(200)
        .body("memberships.role", hasItem("TECHNICIAN"));
    owner.request().get("/users").then().statusCode(200).body("items.email", hasItem(email));

    owner.request().post("/users/" + id + "/disable").then().statusCode(200)
        .body("enabled", org.hamcrest.Matchers.equalTo(false));
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me").then().statusCode(401);
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", "torque wrench 42 nm")).post("/auth/login").then().statusCode(401);
  }

  @Test
  void aChangedMembershipTakesEffectOnTheNextRequestWithoutANewToken() {
    Api.Tenant owner = Api.newOrganization("roles");
    String email = "adv-" + UUID.randomUUID().toString().substring(0, 8) + "@users.example.com";
    String id = owner.request().body(Map.of("email", email, "name", "Ada", "password", "brake fluid dot four",
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "SERVICE_ADVISOR"))))
        .post("/users").then().statusCode(201).extract().path("id");
    String token = login(email, "brake fluid dot four");
    Api.anonymous().header("Authorization", "Bearer " + token)
        .body(Map.of("firstName", "A", "lastName", "B")).post("/customers").then().statusCode(201);
    owner.request().body(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))
        .post("/users/" + id + "/memberships").then().statusCode(200);
    Api.anonymous().header("Authorization", "Bearer " + token)
        .body(Map.of("firstName", "A", "lastName", "B")).post("/customers").then().statusCode(403);
  }

  @Test
  void theLastOwnerCannotBeRemovedAndWeakInitialPasswordsAreRefused() {
    Api.Tenant owner = Api.newOrganization("lastowner");
    String me = owner.request().get("/me").path("id");
    owner.request().delete("/users/" + me + "/memberships/" + owner.shopId()).then().statusCode(409);
    owner.request().body(Map.of("email", "weak-" + UUID.randomUUID() + "@users.example.com", "name", "Weak",
            "password", "password1234", "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(422);
    assertThat(owner.request().post("/users/" + me + "/disable").statusCode()).isEqualTo(422);
  }
}
