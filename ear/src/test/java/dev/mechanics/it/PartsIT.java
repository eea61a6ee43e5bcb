package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Parts inventory against the real PostgreSQL: reservations under concurrency, purchase orders with the moving
 * average cost, transfers received in part, cycle counts, and bad input that changes nothing. After every test
 * that moves stock, on hand and reserved equal the sums of the movements.
 */
class PartsIT {

  static String part(Api.Tenant t, String number, String cost) {
    return t.request().body(Map.of("partNumber", number + "-" + UUID.randomUUID().toString().substring(0, 6),
            "brand", "Brembo", "description", "Brake pad set " + number, "vendor", "Parts Co", "unitCost", cost))
        .post("/parts").then().statusCode(201).extract().path("id");
  }

  /** Draft, order and receive {@code quantity} of a part in a shop at {@code cost}. */
  static String stockUp(Api.Tenant t, String shop, String part, String quantity, String cost) {
    Response draft = t.request().body(Map.of("vendor", "Parts Co", "lines", List.of(Map.of("partId", part,
        "quantity", quantity, "unitCost", cost)))).post("/shops/" + shop + "/purchase-orders");
    draft.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    String id = draft.path("id");
    t.request().header("If-Match", draft.header("ETag")).post("/purchase-orders/" + id + "/order").then()
        .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ORDERED"));
    t.request().header("Idempotency-Key", "rcv-" + UUID.randomUUID()).body(Map.of("lines", List.of(Map.of(
            "lineId", draft.path("lines[0].id"), "quantity", quantity))))
        .post("/purchase-orders/" + id + "/receipts").then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("RECEIVED"));
    return id;
  }

  static Response stock(Api.Tenant t, String shop, String part) {
    return t.request().get("/shops/" + shop + "/stock/" + part).then().statusCode(200).extract().response();
  }

  /** on hand and reserved of the stock row equal the sums of the movements (and neither is negative). */
  static void movementsAddUp(String shop, String part) throws Exception {
    try (Connection c = Api.database(); PreparedStatement s = c.prepareStatement("select st.on_hand, st.reserved,"
        + " (select coalesce(sum(on_hand_delta), 0) from stock_movements m where m.shop_id = st.shop_id"
        + "   and m.part_id = st.part_id),"
        + " (select coalesce(sum(reserved_delta), 0) from stock_movements m where m.shop_id = st.shop_id"
        + "   and m.part_id = st.part_id)"
        + " from shop_stock st where st.shop_id = ?::uuid and st.part_id = ?::uuid")) {
      s.setString(1, shop);
      s.setString(2, part);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getBigDecimal(3)).as("on hand = sum of movements").isEqualByComparingTo(r.getBigDecimal(1));
        assertThat(r.getBigDecimal(4)).as("reserved = sum of movements").isEqualByComparingTo(r.getBigDecimal(2));
        assertThat(r.getBigDecimal(1).signum()).isGreaterThanOrEqualTo(0);
      }
    }
  }

  static long count(String sql, String param) throws Exception {
    try (Connection c = Api.database(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  static Map<String, Object> partLine(String part, String quantity) {
    Map<String, Object> body = new HashMap<>();
    body.put("partId", part);
    body.put("quantity", quantity);
    return body;
  }

  @Test
  void fiftyConcurrentReservationsOfTheLastTenUnitsGiveExactlyTen() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-race");
    Shop shop = new Shop(boss);
    String part = part(boss, "RACE", "12.00");
    stockUp(boss, boss.shopId(), part, "10", "12.00");
    List<String> workOrders = new ArrayList<>();
    String customer = boss.createCustomer("Rita", "Race");
    String vehicle = shop.vehicleOf(customer);
    for (int i = 0; i < 50; i++) {
      workOrders.add(shop.estimateFor(customer, vehicle));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String wo : workOrders) {
        answers.add(pool.submit(() -> boss.request().header("X-Forwarded-For", Api.randomClientAddress())
            .body(partLine(part, "1")).post("/work-orders/" + wo + "/part-lines").statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> a : answers) {
        statuses.add(a.get());
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
    stock(boss, boss.shopId(), part).then().body("onHand", org.hamcrest.Matchers.equalTo("10"))
        .body("reserved", org.hamcrest.Matchers.equalTo("10")).body("available", org.hamcrest.Matchers.equalTo("0"));
    movementsAddUp(boss.shopId(), part);
    assertThat(count("select count(*) from part_reservations where part_id = ?::uuid", part)).isEqualTo(10);
  }

  @Test
  void partLinesReserveReleaseAndConsumeAtTheMovingAverageCost() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-flow");
    Shop shop = new Shop(boss);
    String part = part(boss, "AVG", "10.00");
    stockUp(boss, boss.shopId(), part, "4", "10.00");
    stockUp(boss, boss.shopId(), part, "4", "20.00");
    assertThat(stock(boss, boss.shopId(), part).path("averageCost").toString()).isEqualTo("15.00");
    String wo = shop.estimate();
    Response added = boss.request().body(partLine(part, "3")).post("/work-orders/" + wo + "/part-lines");
    added.then().statusCode(201).body("reserved", org.hamcrest.Matchers.equalTo("3"));
    String lineId = added.path("lineId");
    Response order = boss.request().get("/work-orders/" + wo);
    Map<String, Object> line = new HashMap<>(order.path("lines[0]"));
    assertThat(line.get("partNumber").toString()).startsWith("AVG-");
    Map<String, Object> change = Shop.part((String) line.get("description"), "2", "15.00", (String) line.get("unitPrice"));
    change.put("partNumber", line.get("partNumber"));
    boss.request().header("If-Match", order.header("ETag")).body(change).put("/work-orders/" + wo + "/lines/" + lineId)
        .then().statusCode(200);
    stock(boss, boss.shopId(), part).then().body("reserved", org.hamcrest.Matchers.equalTo("2"));
    // a second work order's line is removed: its reservation is released
    String other = shop.estimate();
    String otherLine = boss.request().body(partLine(part, "1")).post("/work-orders/" + other + "/part-lines").then()
        .statusCode(201).extract().path("lineId");
    stock(boss, boss.shopId(), part).then().body("reserved", org.hamcrest.Matchers.equalTo("3"));
    boss.request().delete("/work-orders/" + other + "/lines/" + otherLine).then().statusCode(200);
    stock(boss, boss.shopId(), part).then().body("reserved", org.hamcrest.Matchers.equalTo("2"));
    shop.invoiced(wo);
    stock(boss, boss.shopId(), part).then().body("onHand", org.hamcrest.Matchers.equalTo("6"))
        .body("reserved", org.hamcrest.Matchers.equalTo("0"));
    boss.request().get("/work-orders/" + wo).then().body("lines[0].unitCost", org.hamcrest.Matchers.equalTo("15.00"));
    boss.request().get("/work-orders/" + wo + "/part-lines").then().statusCode(200)
        .body("items[0].consumed", org.hamcrest.Matchers.equalTo("2"));
    movementsAddUp(boss.shopId(), part);
  }

  @Test
  void aShopThatAllowsBackordersShowsTheLineOnOrderUntilTheGoodsArrive() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-backorder");
    Shop shop = new Shop(boss);
    String part = part(boss, "BO", "5.00");
    stockUp(boss, boss.shopId(), part, "1", "5.00");
    String wo = shop.estimate();
    boss.request().body(partLine(part, "3")).post("/work-orders/" + wo + "/part-lines").then().statusCode(409)
        .contentType("application/problem+json");
    String etag = boss.request().get("/shops/" + boss.shopId() + "/inventory-settings").header("ETag");
    boss.request().header("If-Match", etag).body(Map.of("allowBackorders", true))
        .put("/shops/" + boss.shopId() + "/inventory-settings").then().statusCode(200);
    boss.request().body(partLine(part, "3")).post("/work-orders/" + wo + "/part-lines").then().statusCode(201)
        .body("reserved", org.hamcrest.Matchers.equalTo("1")).body("onOrder", org.hamcrest.Matchers.equalTo("2"))
        .body("backordered", org.hamcrest.Matchers.equalTo(true));
    stockUp(boss, boss.shopId(), part, "5", "5.00");
    boss.request().get("/work-orders/" + wo + "/part-lines").then()
        .body("items[0].reserved", org.hamcrest.Matchers.equalTo("3"))
        .body("items[0].backordered", org.hamcrest.Matchers.equalTo(false));
    stock(boss, boss.shopId(), part).then().body("onHand", org.hamcrest.Matchers.equalTo("6"))
        .body("available", org.hamcrest.Matchers.equalTo("3"));
    movementsAddUp(boss.shopId(), part);
  }

  @Test
  void aTransferReceivedInPartLeavesInTransitAndTheDiscrepancyRight() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-transfer");
    String a = boss.shopId();
    String b = boss.request().body(Map.of("name", "Second " + UUID.randomUUID().toString().substring(0, 6),
        "timeZone", "America/New_York")).post("/shops").then().statusCode(201).extract().path("id");
    String part = part(boss, "TR", "8.00");
    stockUp(boss, a, part, "10", "8.00");
    String key = "transfer-" + UUID.randomUUID();
    Map<String, Object> body = Map.of("fromShopId", a, "toShopId", b, "lines", List.of(Map.of("partId", part,
        "quantity", "6")));
    Response requested = boss.request().header("Idempotency-Key", key).body(body).post("/transfers");
    requested.then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("REQUESTED"));
    String id = requested.path("id");
    boss.request().header("Idempotency-Key", key).body(body).post("/transfers").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", org.hamcrest.Matchers.equalTo(id));
    Response shipped = boss.request().header("If-Match", requested.header("ETag")).post("/transfers/" + id + "/ship");
    shipped.then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SHIPPED"))
        .body("inTransit", org.hamcrest.Matchers.equalTo("6"));
    boss.request().header("If-Match", shipped.header("ETag")).post("/transfers/" + id + "/cancel").then()
        .statusCode(409);
    stock(boss, a, part).then().body("onHand", org.hamcrest.Matchers.equalTo("4"));
    String line = shipped.path("lines[0].id");
    String receipt = "receipt-" + UUID.randomUUID();
    Map<String, Object> partial = Map.of("lines", List.of(Map.of("lineId", line, "quantity", "2")));
    boss.request().header("Idempotency-Key", receipt).body(partial).post("/transfers/" + id + "/receipts").then()
        .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PARTLY_RECEIVED"))
        .body("inTransit", org.hamcrest.Matchers.equalTo("4"));
    // a retry of the same receipt books nothing twice
    boss.request().header("Idempotency-Key", receipt).body(partial).post("/transfers/" + id + "/receipts").then()
        .statusCode(200).header("Idempotent-Replayed", "true").body("inTransit", org.hamcrest.Matchers.equalTo("4"));
    for (String shopId : List.of(a, b)) {
      boss.request().get("/shops/" + shopId + "/transfers").then().statusCode(200)
          .body("items.find { it.id == '" + id + "' }.inTransit", org.hamcrest.Matchers.equalTo("4"));
    }
    boss.request().header("Idempotency-Key", "short-" + UUID.randomUUID()).body(Map.of("lines",
            List.of(Map.of("lineId", line, "quantity", "3")), "complete", true))
        .post("/transfers/" + id + "/receipts").then().statusCode(422).contentType("application/problem+json");
    boss.request().header("Idempotency-Key", "close-" + UUID.randomUUID()).body(Map.of("lines",
            List.of(Map.of("lineId", line, "quantity", "3")), "complete", true,
            "discrepancyReason", "One box damaged in the van"))
        .post("/transfers/" + id + "/receipts").then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("RECEIVED")).body("inTransit", org.hamcrest.Matchers.equalTo("0"))
        .body("missing", org.hamcrest.Matchers.equalTo("1"))
        .body("lines[0].received", org.hamcrest.Matchers.equalTo("5"))
        .body("discrepancyReason", org.hamcrest.Matchers.equalTo("One box damaged in the van"));
    stock(boss, b, part).then().body("onHand", org.hamcrest.Matchers.equalTo("5"))
        .body("averageCost", org.hamcrest.Matchers.equalTo("8.00"));
    stock(boss, a, part).then().body("onHand", org.hamcrest.Matchers.equalTo("4"));
    movementsAddUp(a, part);
    movementsAddUp(b, part);
  }

  @Test
  void cycleCountsAndCancelledPurchaseOrdersAreAudited() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-count");
    String part = part(boss, "CNT", "3.00");
    stockUp(boss, boss.shopId(), part, "10", "3.00");
    String etag = stock(boss, boss.shopId(), part).header("ETag");
    boss.request().header("If-Match", etag).body(Map.of("counted", "8", "reason", "Two sets damaged"))
        .post("/shops/" + boss.shopId() + "/stock/" + part + "/counts").then().statusCode(200)
        .body("onHand", org.hamcrest.Matchers.equalTo("8"));
    boss.request().get("/shops/" + boss.shopId() + "/stock/" + part + "/movements").then().statusCode(200)
        .body("items.find { it.kind == 'ADJUSTED' }.onHandDelta", org.hamcrest.Matchers.equalTo("-2"))
        .body("items.find { it.kind == 'ADJUSTED' }.reason", org.hamcrest.Matchers.equalTo("Two sets damaged"));
    Response draft = boss.request().body(Map.of("vendor", "Parts Co", "lines", List.of(Map.of("partId", part,
        "quantity", "5")))).post("/shops/" + boss.shopId() + "/purchase-orders");
    boss.request().header("If-Match", draft.header("ETag")).body(Map.of("reason", "Ordered twice"))
        .post("/purchase-orders/" + draft.path("id") + "/cancel").then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
    assertThat(count("select count(*) from audit_events where organization_id = ?::uuid and action in "
        + "('stock.adjusted', 'purchase-order.cancelled')", boss.organizationId())).isEqualTo(2);
    // the low-stock list proposes a purchase order from the reorder point
    String stockTag = stock(boss, boss.shopId(), part).header("ETag");
    boss.request().header("If-Match", stockTag).body(Map.of("bin", "A3", "reorderPoint", "8", "reorderQuantity", "12"))
        .put("/shops/" + boss.shopId() + "/stock/" + part).then().statusCode(200)
        .body("low", org.hamcrest.Matchers.equalTo(true));
    boss.request().get("/shops/" + boss.shopId() + "/purchase-orders/proposals").then().statusCode(200)
        .body("items[0].vendor", org.hamcrest.Matchers.equalTo("Parts Co"))
        .body("items[0].lines[0].quantity", org.hamcrest.Matchers.equalTo("12"));
    movementsAddUp(boss.shopId(), part);
  }

  @Test
  void badInputGetsAProblemAndChangesNothing() throws Exception {
    Api.Tenant boss = Api.newOrganization("parts-bad");
    Api.Tenant other = Api.newOrganization("parts-other");
    Shop shop = new Shop(boss);
    String part = part(boss, "BAD", "4.00");
    String foreignPart = part(other, "FOREIGN", "4.00");
    String orderId = stockUp(boss, boss.shopId(), part, "5", "4.00");
    String wo = shop.estimate();
    long movements = count("select count(*) from stock_movements where part_id = ?::uuid", part);
    String etag = stock(boss, boss.shopId(), part).header("ETag");
    String base = "/shops/" + boss.shopId() + "/stock/" + part;
    List<Response> answers = List.of(
        boss.request().body(partLine(part, "-1")).post("/work-orders/" + wo + "/part-lines"),
        boss.request().body(partLine(part, "0")).post("/work-orders/" + wo + "/part-lines"),
        boss.request().body(partLine(part, "1.2345")).post("/work-orders/" + wo + "/part-lines"),
        boss.request().body(partLine(foreignPart, "1")).post("/work-orders/" + wo + "/part-lines"),
        boss.request().body(partLine("not-an-id", "1")).post("/work-orders/" + wo + "/part-lines"),
        boss.request().header("If-Match", etag).body(Map.of("counted", "-3", "reason", "x")).post(base + "/counts"),
        boss.request().body(Map.of("counted", "3", "reason", "x")).post(base + "/counts"),
        boss.request().header("If-Match", etag).body(Map.of("reorderPoint", "-1", "reorderQuantity", "1")).put(base),
        boss.request().get("/parts/" + foreignPart),
        boss.request().get("/shops/" + other.shopId() + "/stock/" + part),
        other.request().get(base),
        other.request().get("/purchase-orders/" + orderId),
        boss.request().body(Map.of("vendor", "X", "lines", List.of(Map.of("partId", foreignPart, "quantity", "1"))))
            .post("/shops/" + boss.shopId() + "/purchase-orders"),
        boss.request().body(Map.of("vendor", "X", "lines", List.of(Map.of("partId", part, "quantity", "-1"))))
            .post("/shops/" + boss.shopId() + "/purchase-orders"),
        boss.request().body(Map.of("lines", List.of())).post("/purchase-orders/" + orderId + "/receipts"),
        boss.request().header("Idempotency-Key", "k-" + UUID.randomUUID()).body(Map.of("lines", List.of(Map.of(
            "lineId", UUID.randomUUID().toString(), "quantity", "1")))).post("/purchase-orders/" + orderId + "/receipts"),
        boss.request().header("Idempotency-Key", "t-" + UUID.randomUUID()).body(Map.of("fromShopId", boss.shopId(),
            "toShopId", other.shopId(), "lines", List.of(Map.of("partId", part, "quantity", "1")))).post("/transfers"),
        boss.request().header("Idempotency-Key", "t-" + UUID.randomUUID()).body(Map.of("fromShopId", boss.shopId(),
            "toShopId", boss.shopId(), "lines", List.of(Map.of("partId", part, "quantity", "1")))).post("/transfers"),
        boss.request().body(Map.of("tiers", List.of(Map.of("upToCost", "10.00", "markupPercent", "50"))))
            .header("If-Match", "\"0\"").put("/parts/pricing-matrix"));
    for (Response r : answers) {
      assertThat(r.statusCode()).as(r.asString()).isBetween(400, 499);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(count("select count(*) from stock_movements where part_id = ?::uuid", part)).isEqualTo(movements);
    assertThat(count("select count(*) from part_reservations where work_order_id = ?::uuid", wo)).isZero();
    assertThat(count("select count(*) from transfers where organization_id = ?::uuid", boss.organizationId()))
        .isZero();
    boss.request().get("/work-orders/" + wo).then().body("lines", org.hamcrest.Matchers.empty());
    stock(boss, boss.shopId(), part).then().body("onHand", org.hamcrest.Matchers.equalTo("5"))
        .body("reserved", org.hamcrest.Matchers.equalTo("0"));
    movementsAddUp(boss.shopId(), part);
  }

  @Test
  void partsArePricedFromTheMatrixUnlessTheyHaveTheirOwnPrice() {
    Api.Tenant boss = Api.newOrganization("parts-matrix");
    String etag = boss.request().get("/parts/pricing-matrix").then().statusCode(200).extract().header("ETag");
    boss.request().header("If-Match", etag).body(Map.of("tiers", List.of(Map.of("upToCost", "10.00",
            "markupPercent", "100"), Map.of("upToCost", "50.00", "markupPercent", "60"), Map.of("markupPercent", "35"))))
        .put("/parts/pricing-matrix").then().statusCode(200);
    String cheap = part(boss, "CHEAP", "8.00");
    String mid = part(boss, "MID", "40.00");
    String dear = part(boss, "DEAR", "100.00");
    boss.request().get("/parts/" + cheap).then().body("price", org.hamcrest.Matchers.equalTo("16.00"));
    boss.request().get("/parts/" + mid).then().body("price", org.hamcrest.Matchers.equalTo("64.00"));
    boss.request().get("/parts/" + dear).then().body("price", org.hamcrest.Matchers.equalTo("135.00"));
    boss.request().get("/parts?q=mid").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
  }
}
