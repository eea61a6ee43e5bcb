package dev.mechanics.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShopIT {

  private static Map<String, Object> shop(String name) {
    return Map.of("name", name, "timeZone", "America/Chicago", "phone", "+1 312 555 0199",
        "address", "1 Lake St", "laborRate", "150.00");
  }

  @Test
  void anOwnerOpensListsReadsAndChangesShops() {
    Api.Tenant owner = Api.newOrganization("shops");
    String name = "Westside " + UUID.randomUUID().toString().substring(0, 6);
    Response created = owner.request().body(shop(name)).post("/shops");
    created.then().statusCode(201).header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
        .body("laborRate", equalTo("150.00"));
    String location = created.header("Location");
    String id = created.path("id");

    owner.request().get("/shops").then().statusCode(200).body("items.id", hasItem(id));
    owner.request().get(location.substring(location.indexOf("/shops"))).then().statusCode(200)
        .header("ETag", equalTo("\"0\"")).body("name", equalTo(name));

    owner.request().body(shop(name + " II")).put("/shops/" + id).then().statusCode(428)
        .contentType("application/problem+json");
    owner.request().header("If-Match", "\"7\"").body(shop(name + " II")).put("/shops/" + id)
        .then().statusCode(412).contentType("application/problem+json");
    owner.request().header("If-Match", "\"0\"").body(shop(name + " II")).put("/shops/" + id)
        .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo(name + " II"));
    owner.request().header("If-Match", "\"0\"").body(shop(name + " III")).put("/shops/" + id)
        .then().statusCode(412);
  }

  @Test
  void onlyOwnersOpenShopsAndTechniciansChangeNone() {
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    technician.request().body(shop("Tech's own shop")).post("/shops")
        .then().statusCode(403).contentType("application/problem+json");
    technician.request().header("If-Match", "\"0\"").body(shop("Renamed"))
        .put("/shops/" + technician.shopId()).then().statusCode(403);
    Api.demoAs("MANAGER").request().body(shop("Manager's shop")).post("/shops").then().statusCode(403);
  }

  @Test
  void anotherOrganizationsShopIsInvisible() {
    Api.Tenant a = Api.newOrganization("shop-a");
    Api.Tenant b = Api.newOrganization("shop-b");
    b.request().get("/shops/" + a.shopId()).then().statusCode(404);
    b.request().header("If-Match", "\"0\"").body(shop("Stolen")).put("/shops/" + a.shopId())
        .then().statusCode(404);
    b.request().get("/shops").then().statusCode(200).body("items.id", not(hasItem(a.shopId())));
  }

  @Test
  void shopNamesAreUniqueWithinAnOrganization() {
    Api.Tenant owner = Api.newOrganization("shop-dup");
    owner.request().body(shop("Twin")).post("/shops").then().statusCode(201);
    owner.request().body(shop("twin")).post("/shops").then().statusCode(409)
        .body("errors.field", hasItem("name"));
  }
}
