package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.6: a comeback's lines booked as warranty are charged nothing and keep their cost, through the invoice
 * and the lines the report reads (ADR 0053). Only a comeback's, only before invoicing, only with the version.
 */
class WarrantyLineIT {

  @Test
  void aComebacksLinesBookedAsWarrantyChargeNothingAndKeepTheirCost() throws Exception {
    Api.Tenant owner = Api.newOrganization("warranty");
    Shop shop = new Shop(owner);
    String customer = owner.createCustomer("Walt", "Warranty");
    String vehicle = shop.vehicleOf(customer);
    String original = shop.estimateFor(customer, vehicle);
    shop.addLines(original, List.of(Shop.labor("Replace front pads", "1.5", "100.00")));
    shop.invoiced(original);
    String again = shop.estimateFor(customer, vehicle);
    shop.addLines(again, List.of(Shop.labor("Redo front pads", "1.5", "100.00"),
        Shop.part("Pads", "1", "20.00", "49.90"), Shop.priced("FEE", "Shop supplies", "10.00")));
    JsonPath order = owner.request().get("/work-orders/" + again).then().statusCode(200).extract().jsonPath();
    String labor = order.getString("lines[0].id");
    String part = order.getString("lines[1].id");
    String fee = order.getString("lines[2].id");

    // not a comeback (yet): refused, nothing changes
    put(owner, again, labor, true, etag(owner, again)).then().statusCode(409).contentType("application/problem+json");
    owner.request().body(Map.of("originalWorkOrderId", original, "reason", "Same noise a week later"))
        .post("/work-orders/" + again + "/comeback").then().statusCode(201);

    put(owner, again, labor, true, etag(owner, again)).then().statusCode(200)
        .body("lines[0].warranty", equalTo(true)).body("lines[0].amount", equalTo("0.00"));
    String stale = etag(owner, again);
    put(owner, again, part, true, stale).then().statusCode(200)
        .body("lines[1].warranty", equalTo(true)).body("lines[1].amount", equalTo("0.00"))
        .body("lines[1].unitCost", equalTo("20.00"))
        .body("totals.subtotal", equalTo("10.00")).body("totals.cost", equalTo("20.00"));
    // the version the advisor saw is gone; unbooking charges the price again
    put(owner, again, fee, true, stale).then().statusCode(412);
    put(owner, again, fee, false, etag(owner, again)).then().statusCode(200).body("lines[2].amount", equalTo("10.00"));
    put(owner, again, labor, false, etag(owner, again)).then().statusCode(200)
        .body("lines[0].warranty", equalTo(false)).body("lines[0].amount", equalTo("150.00"));
    put(owner, again, labor, true, etag(owner, again)).then().statusCode(200);
    owner.request().header("If-Match", etag(owner, again)).body(Map.of()).put("/work-orders/" + again + "/lines/"
        + labor + "/warranty").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
        .contentType("application/problem+json");

    String invoice = shop.invoiced(again);
    // the invoice says which lines are warranty: charged nothing, the price still shown; the fee is charged
    owner.request().get("/invoices/" + invoice).then().statusCode(200).body("subtotal", equalTo("10.00"))
        .body("lines[0].warranty", equalTo(true)).body("lines[0].amount", equalTo("0.00"))
        .body("lines[0].unitPrice", equalTo("100.00"))
        .body("lines[1].warranty", equalTo(true)).body("lines[1].amount", equalTo("0.00"))
        .body("lines[2].warranty", equalTo(false)).body("lines[2].amount", equalTo("10.00"));
    byte[] pdf = owner.request().accept("application/pdf").get("/invoices/" + invoice + "/pdf").then()
        .statusCode(200).contentType("application/pdf").extract().asByteArray();
    assertThat(dev.mechanics.it.support.Pdfs.text(pdf)).contains("no charge");
    try (Connection db = Api.database();
         PreparedStatement st = db.prepareStatement("select amount, unit_cost, warranty from work_order_lines "
             + "where id = ?::uuid")) {
      st.setString(1, part);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0.00");
        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("20.00");
        assertThat(rs.getBoolean(3)).isTrue();
      }
    }
    // invoiced: no longer changes; the change is in the audit trail; another organization sees nothing
    put(owner, again, part, false, etag(owner, again)).then().statusCode(409);
    owner.request().get("/audit?entityId=" + again).then().statusCode(200)
        .body("items.action", hasItem("workorder.warranty-line"));
    Api.Tenant other = Api.newOrganization("warranty-other");
    put(other, again, part, false, etag(owner, again)).then().statusCode(404);
  }

  private static Response put(Api.Tenant who, String workOrder, String line, boolean warranty, String etag) {
    return who.request().header("If-Match", etag).body(Map.of("warranty", warranty))
        .put("/work-orders/" + workOrder + "/lines/" + line + "/warranty");
  }

  private static String etag(Api.Tenant who, String workOrder) {
    return who.request().get("/work-orders/" + workOrder).then().statusCode(200).extract().header("ETag");
  }
}
