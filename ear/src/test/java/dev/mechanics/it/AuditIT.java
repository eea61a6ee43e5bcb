package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
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
  void lineEditsCannedJobsAndPhoneApprovalsAreAuditedInTheChain() {
    Api.Tenant owner = Api.newOrganization("audit-lines");
    String id = new Shop(owner).estimate();
    Response added = owner.request().body(Shop.part("Brake pads", "2", "25.00", "59.90"))
        .post("/work-orders/" + id + "/lines");
    added.then().statusCode(201);
    String pads = added.path("lines[0].id");
    owner.request().header("If-Match", added.header("ETag")).body(Shop.part("Brake pads", "4", "25.00", "59.90"))
        .put("/work-orders/" + id + "/lines/" + pads).then().statusCode(200);
    String job = owner.request().body(Map.of("name", "Oil change", "lines", List.of(Shop.labor("Oil change", "0.5",
            "100.00"), Shop.part("Oil filter", "1", "4.00", "12.00"))))
        .post("/shops/" + owner.shopId() + "/canned-jobs").then().statusCode(201).extract().path("id");
    Response withJob = owner.request().post("/work-orders/" + id + "/canned-jobs/" + job);
    withJob.then().statusCode(200);
    List<String> lines = withJob.jsonPath().getList("lines.id");
    owner.request().delete("/work-orders/" + id + "/lines/" + lines.get(2)).then().statusCode(200);
    String hash = owner.request().get("/work-orders/" + id + "/approvals").path("documentHash");
    owner.request().body(Map.of("approverName", "Carla Driver", "method", "PHONE", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", pads, "approved", true),
                Map.of("lineId", lines.get(1), "approved", false))))
        .post("/work-orders/" + id + "/approvals").then().statusCode(200);

    Response trail = owner.request().queryParam("entityId", id).get("/audit");
    trail.then().statusCode(200);
    // in chain order: rows written in one transaction may share a millisecond, so their ids need not be ordered
    List<Map<String, Object>> items = trail.jsonPath().<Map<String, Object>>getList("items").stream()
        .sorted(java.util.Comparator.comparingLong(i -> ((Number) i.get("seq")).longValue())).toList();
    assertThat(items).extracting(i -> i.get("action")).containsExactly("work-order.line-added",
        "work-order.line-changed", "work-order.line-added", "work-order.line-added", "work-order.line-removed",
        "work-order.line-approved", "work-order.line-declined");
    assertThat((String) items.get(1).get("before")).contains("\"quantity\":\"2.000\"", "\"lineId\":\"" + pads);
    assertThat((String) items.get(1).get("after")).contains("\"quantity\":\"4.000\"", "\"amount\":\"239.60\"");
    assertThat((String) items.get(2).get("after")).contains("\"cannedJobId\":\"" + job);
    assertThat((String) items.get(4).get("before")).contains("Oil filter");
    assertThat(items.get(4).get("after")).isNull();
    assertThat((String) items.get(5).get("after")).contains("\"method\":\"PHONE\"", "\"approverName\":\"C***\"",
        "\"approval\":\"APPROVED\"");
    assertThat(items).allSatisfy(i -> assertThat(i.get("actorId")).isNotNull());
    assertThat(trail.asString()).doesNotContain("Carla Driver");
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
