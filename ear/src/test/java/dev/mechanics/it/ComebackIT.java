package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19.6: comebacks inside the shop's warranty window, and a vehicle's history in one call. */
class ComebackIT {

  @Test
  void aComebackInsideTheWindowIsMarkedAuditedAndInTheVehicleHistory() {
    Api.Tenant owner = Api.newOrganization("comeback");
    Shop shop = new Shop(owner);
    String me = Shop.userIdOf(owner);
    String customer = owner.createCustomer("Cora", "Comeback");
    String vehicle = shop.vehicleOf(customer);
    String original = shop.estimateFor(customer, vehicle);
    Map<String, Object> labor = Shop.labor("Replace front pads", "1.5", "100.00");
    labor.put("technicianId", me);
    shop.addLines(original, List.of(labor, Shop.part("Pads", "1", "20.00", "49.90")));
    shop.invoiced(original);
    String again = shop.estimateFor(customer, vehicle);
    Map<String, Object> mark = new HashMap<>(Map.of("originalWorkOrderId", original,
        "reason", "Same grinding noise two weeks later"));
    owner.request().body(mark).post("/work-orders/" + again + "/comeback").then().statusCode(201)
        .body("originalWorkOrderId", equalTo(original)).body("originalTechnicianId", equalTo(me));
    owner.request().body(mark).post("/work-orders/" + again + "/comeback").then().statusCode(409);
    owner.request().get("/work-orders/" + again + "/comeback").then().statusCode(200)
        .body("reason", equalTo("Same grinding noise two weeks later"));
    owner.request().get("/audit?entityId=" + again).then().statusCode(200)
        .body("items.action", hasItem("workorder.comeback-marked"));

    Response history = owner.request().get("/vehicles/" + vehicle + "/history");
    history.then().statusCode(200).body("visits.size()", equalTo(2))
        .body("visits[0].workOrderId", equalTo(again))
        .body("visits[0].comeback.originalWorkOrderId", equalTo(original))
        .body("visits[1].mileageIn", equalTo(120500))
        .body("visits[1].done.description", hasItem("Replace front pads"));
    assertThat(history.jsonPath().getString("visits[1].invoicedAt")).isNotNull();
    Api.newOrganization("comeback-other").request().get("/vehicles/" + vehicle + "/history").then().statusCode(404);
  }

  @Test
  void aComebackOutsideTheWarrantyWindowIsRefusedWithAClearProblem() throws Exception {
    Api.Tenant owner = Api.newOrganization("comeback-late");
    Shop shop = new Shop(owner);
    String customer = owner.createCustomer("Lena", "Late");
    String vehicle = shop.vehicleOf(customer);
    String original = shop.estimateFor(customer, vehicle);
    shop.addLines(original, List.of(Shop.labor("Alignment", "1.0", "100.00")));
    shop.invoiced(original);
    String etag = owner.request().get("/shops/" + owner.shopId() + "/warranty-window").then().statusCode(200)
        .body("days", equalTo(90)).extract().header("ETag");
    owner.request().header("If-Match", etag).body(Map.of("days", 30, "miles", 1000))
        .put("/shops/" + owner.shopId() + "/warranty-window").then().statusCode(200).body("days", equalTo(30));
    // the original was invoiced 40 days ago
    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update invoices set issued_at = now() - interval '40 days' "
          + "where work_order_id = '" + original + "'");
    }
    String again = shop.estimateFor(customer, vehicle);
    owner.request().body(Map.of("originalWorkOrderId", original, "reason", "Pulls to the left"))
        .post("/work-orders/" + again + "/comeback").then().statusCode(422)
        .contentType("application/problem+json").body("detail", containsString("warranty window of 30 days"));
    // an original of another vehicle, not invoiced, or unknown: 422; bad ids: 400; nothing is stored
    String otherVehicle = shop.estimate();
    owner.request().body(Map.of("originalWorkOrderId", otherVehicle, "reason", "x"))
        .post("/work-orders/" + again + "/comeback").then().statusCode(422);
    owner.request().body(Map.of("originalWorkOrderId", "nope", "reason", "x"))
        .post("/work-orders/" + again + "/comeback").then().statusCode(400);
    owner.request().body(Map.of("originalWorkOrderId", original, "reason", " "))
        .post("/work-orders/" + again + "/comeback").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
    owner.request().header("If-Match", "\"1\"").body(Map.of("days", -1, "miles", 1000))
        .put("/shops/" + owner.shopId() + "/warranty-window").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*) from comebacks where work_order_id = '" + again + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    Api.demoAs("TECHNICIAN").request().body(Map.of("originalWorkOrderId", original, "reason", "x"))
        .post("/work-orders/" + again + "/comeback").then().statusCode(403);
  }
}
