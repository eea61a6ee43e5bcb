package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditIT {

  @Test
  void customerChangesAreAuditedWithWhoRequestIdAndMaskedPersonalData() {
    Api.Tenant owner = Api.newOrganization("audit");
    String id = owner.request().body(Map.of("firstName", "Audra", "lastName", "Trail",
            "email", "audra.trail@example.com", "phone", "+1 555 987 6543", "address", "1 Secret Lane"))
        .post("/customers").then().statusCode(201).extract().path("id");
    String etag = owner.request().get("/customers/" + id).header("ETag");
    owner.request().header("If-Match", etag).header("X-Request-Id", "audit-test-request-0001")
        .body(Map.of("firstName", "Audra", "lastName", "Trail", "email", "new.mail@example.com"))
        .put("/customers/" + id).then().statusCode(200);

    Response trail = owner.request().queryParam("entityId", id).get("/audit");
    trail.then().statusCode(200);
    List<Map<String, Object>> items = trail.jsonPath().getList("items");
    assertThat(items).extracting(i -> i.get("action")).containsExactly("customer.created", "customer.changed");
    Map<String, Object> change = items.get(1);
    assertThat(change.get("requestId")).isEqualTo("audit-test-request-0001");
    assertThat(change.get("actorId")).isNotNull();
    String everything = trail.asString();
    assertThat(everything).doesNotContain("audra.trail@example.com", "new.mail@example.com", "987 6543",
        "9876543", "Secret Lane", "Audra");
    assertThat((String) change.get("before")).contains("a***@example.com");
    assertThat((String) change.get("after")).contains("n***@example.com");

    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));
  }

  @Test
  void tamperingWithARowBreaksTheChain() throws Exception {
    Api.Tenant owner = Api.newOrganization("tamper");
    for (int i = 0; i < 3; i++) {
      owner.createCustomer("Tam" + i, "Per");
    }
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true))
        .body("checked", equalTo(4));
    try (var db = Api.database(); var st = db.prepareStatement(
        "update audit_events set after_state = replace(after_state, 'T***', 'X***') "
            + "where organization_id = ?::uuid and seq = 3")) {
      st.setString(1, owner.organizationId());
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(false))
        .body("brokenAtSeq", equalTo(3));
    // another organization's chain is unaffected
    Api.newOrganization("untouched").request().get("/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void onlyOwnersReadTheTrail() {
    Api.demoAs("MANAGER").request().get("/audit").then().statusCode(403);
    Api.demoAs("TECHNICIAN").request().get("/audit/verify").then().statusCode(403);
  }
}
