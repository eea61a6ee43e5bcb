package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /shops/{shopId}/technicians: whom the desk assigns work to. */
class ShopTechniciansIT {

  private static String staff(Api.Tenant owner, String shopId, String name, String role) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return owner.request().body(Map.of("email", "staff-" + unique + "@example.com", "name", name,
            "password", "staff passphrase " + unique, "memberships", List.of(Map.of("shopId", shopId, "role", role))))
        .post("/users").then().statusCode(201).extract().path("id");
  }

  @Test
  void theShopsActiveTechniciansByNameForThoseWhoWriteItsWork() {
    Api.Tenant owner = Api.newOrganization("techs");
    String shop = owner.shopId();
    String other = owner.request().body(Map.of("name", "Second " + UUID.randomUUID().toString().substring(0, 6),
        "timeZone", "UTC")).post("/shops").then().statusCode(201).extract().path("id");
    String zoe = staff(owner, shop, "Zoe Wrench", "TECHNICIAN");
    String adam = staff(owner, shop, "Adam Bolt", "TECHNICIAN");
    String gone = staff(owner, shop, "Gone Gasket", "TECHNICIAN");
    staff(owner, shop, "Ada Advisor", "SERVICE_ADVISOR");
    staff(owner, other, "Elsewhere Eli", "TECHNICIAN");
    owner.request().post("/users/" + gone + "/disable").then().statusCode(200);

    var list = owner.request().get("/shops/" + shop + "/technicians").then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("items.id", String.class)).containsExactly(adam, zoe);
    assertThat(list.getList("items.name", String.class)).containsExactly("Adam Bolt", "Zoe Wrench");
    assertThat(list.getMap("items[0]")).containsOnlyKeys("id", "name");

    // an advisor of this shop may; an advisor of another shop and a technician may not
    String unique = UUID.randomUUID().toString().substring(0, 8);
    owner.request().body(Map.of("email", "adv-" + unique + "@example.com", "name", "Other Advisor",
            "password", "advisor passphrase " + unique, "memberships",
            List.of(Map.of("shopId", other, "role", "SERVICE_ADVISOR"))))
        .post("/users").then().statusCode(201);
    Api.anonymous().header("Authorization", "Bearer " + Api.login("adv-" + unique + "@example.com",
            "advisor passphrase " + unique)).get("/shops/" + shop + "/technicians").then().statusCode(403)
        .contentType("application/problem+json");
    Api.demoAs("TECHNICIAN").request().get("/shops/" + Api.demoAs("OWNER").shopId() + "/technicians").then()
        .statusCode(403);
    // another organization's shop does not exist
    Api.newOrganization("techs-other").request().get("/shops/" + shop + "/technicians").then().statusCode(404)
        .contentType("application/problem+json");
    owner.request().get("/shops/not-an-id/technicians").then().statusCode(404);
  }
}
