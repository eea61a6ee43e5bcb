package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WorkOrderIT {

  private static final List<Map<String, Object>> TAXES = List.of(
      Map.of("name", "State", "rate", "0.0625", "appliesToLabor", false, "appliesToParts", true),
      Map.of("name", "County", "rate", "0.0100", "appliesToLabor", true, "appliesToParts", true));

  @Test
  void savedTaxRatesAnswerTheVersionAReadGivesSoTheNextSaveIsNotRefused() {
    Api.Tenant owner = Api.newOrganization("tax-version");
    String path = "/shops/" + owner.shopId() + "/tax-rates";
    // 7 % written as 0.07 is stored as 0.0700: the version may not depend on how the rate was written
    Response saved = owner.request().body(Map.of("items", List.of(Map.of("name", "State", "rate", 0.07,
        "appliesToLabor", false, "appliesToParts", true)))).put(path);
    saved.then().statusCode(200).body("items.rate", contains(0.07f));
    assertThat(saved.header("ETag")).isNotBlank().isEqualTo(owner.request().get(path).header("ETag"));
    owner.request().header("If-Match", saved.header("ETag")).body(Map.of("items", List.of(Map.of("name", "State",
        "rate", 0.08, "appliesToLabor", false, "appliesToParts", true)))).put(path).then().statusCode(200);
  }

  @Test
  void anEstimateGetsANumberLinesAndTotalsWithSeparateLaborAndPartsTaxes() {
    Api.Tenant owner = Api.newOrganization("wo-totals");
    Shop shop = new Shop(owner);
    owner.request().body(Map.of("items", TAXES)).put("/shops/" + owner.shopId() + "/tax-rates")
        .then().statusCode(200).body("items.name", contains("State", "County"));
    String first = shop.estimate();
    String id = shop.estimate();
    owner.request().get("/work-orders/" + first).then().statusCode(200).body("number", equalTo("WO-000001"))
        .body("kind", equalTo("ESTIMATE")).body("status", equalTo("WAITING"));
    owner.request().get("/work-orders/" + id).then().body("number", equalTo("WO-000002"));

    shop.addLines(id, List.of(
        Shop.labor("Replace front pads and rotors", "1.5", "120.00"),  // 180.00
        Shop.part("Brake pads", "1", "30.00", "65.99"),                  // 65.99
        Shop.part("Rotor", "2", "40.00", "89.50"),                      // 179.00
        Shop.priced("FEE", "Shop supplies", "12.50"),                   // 12.50
        Shop.priced("DISCOUNT", "Loyal customer", "10.00")));           // -10.00
    // subtotal 427.49; parts base (parts, fee, discount) 247.49; labor base 180.00
    // State 6.25% of 247.49 = 15.468 -> 15.47; County 1% of 427.49 = 4.2749 -> 4.27; total 447.23
    owner.request().get("/work-orders/" + id).then().statusCode(200)
        .body("lines.amount", contains("180.00", "65.99", "179.00", "12.50", "-10.00"))
        .body("totals.subtotal", equalTo("427.49"))
        .body("totals.taxes.amount", contains("15.47", "4.27"))
        .body("totals.total", equalTo("447.23"))
        .body("totals.cost", equalTo("110.00"))
        .body("totals.grossProfit", equalTo("317.49"))
        .body("lines[1].unitCost", equalTo("30.00"));

    // the board adds the lines up in the database, per kind of line: its cards must agree with the work order,
    // a declined line (the rotors) left out of the total but still counted as a line
    String hash = owner.request().get("/work-orders/" + id + "/approvals").path("documentHash");
    String rotor = owner.request().get("/work-orders/" + id).path("lines[2].id");
    owner.request().body(Map.of("approverName", "Carla", "method", "IN_PERSON", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", rotor, "approved", false))))
        .post("/work-orders/" + id + "/approvals").then().statusCode(200);
    // subtotal 248.49; parts base 68.49 -> State 4.28; County 2.48; total 255.25
    owner.request().get("/work-orders/" + id).then().body("totals.total", equalTo("255.25"));
    owner.request().queryParam("shopId", owner.shopId()).get("/work-orders").then().statusCode(200)
        .body("items.id", contains(first, id))
        .body("items.total", contains("0.00", "255.25"))
        .body("items.lineCount", contains(0, 5))
        .body("items.customerName", everyItem(notNullValue()))
        .body("items.vehicle", everyItem(containsString("(")));
    // a page at a time, and narrowed to a kind
    String next = owner.request().queryParam("shopId", owner.shopId()).queryParam("limit", 1).get("/work-orders")
        .then().statusCode(200).body("items.id", contains(first)).extract().path("next");
    owner.request().queryParam("shopId", owner.shopId()).queryParam("limit", 1).queryParam("after", next)
        .get("/work-orders").then().statusCode(200).body("items.id", contains(id)).body("next", nullValue());
    owner.request().queryParam("shopId", owner.shopId()).queryParam("kind", "REPAIR_ORDER").get("/work-orders")
        .then().statusCode(200).body("items", hasSize(0));
    owner.request().queryParam("shopId", owner.shopId()).queryParam("kind", "ESTIMATE").get("/work-orders")
        .then().statusCode(200).body("items.id", contains(first, id));
  }

  @Test
  void aCannedJobInsertsItsLinesInOneCall() {
    Api.Tenant owner = Api.newOrganization("wo-canned");
    String job = owner.request().body(Map.of("name", "Front brake job", "lines", List.of(
            Shop.labor("Replace front pads", "1.2", "100.00"), Shop.part("Front pads", "1", "20.00", "49.90"))))
        .post("/shops/" + owner.shopId() + "/canned-jobs").then().statusCode(201)
        .body("lines[0].rate", equalTo("100.00")).body("lines[1].unitPrice", equalTo("49.90")).extract().path("id");
    owner.request().body(Map.of("name", "Bad job", "lines", List.of(Shop.part("Negative", "-1", "1.00", "1.00"))))
        .post("/shops/" + owner.shopId() + "/canned-jobs").then().statusCode(400);
    String id = new Shop(owner).estimate();
    owner.request().post("/work-orders/" + id + "/canned-jobs/" + job).then().statusCode(200)
        .body("lines.description", contains("Replace front pads", "Front pads"))
        .body("totals.subtotal", equalTo("169.90"));
    Api.Tenant other = Api.newOrganization("wo-canned-other");
    String foreign = new Shop(other).estimate();
    other.request().post("/work-orders/" + foreign + "/canned-jobs/" + job).then().statusCode(422);
    other.request().get("/work-orders/" + foreign).then().body("lines", org.hamcrest.Matchers.empty());
  }

  @Test
  void aTechnicianSeesTheWorkButNoCostsOrMargins() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.part("Oil filter", "1", "4.10", "12.00")));
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    technician.request().get("/work-orders/" + id).then().statusCode(404);
    shop.assign(id, Shop.userIdOf(technician));
    Response seen = technician.request().get("/work-orders/" + id);
    seen.then().statusCode(200).body("lines[0].unitPrice", equalTo("12.00"))
        .body("lines[0]", not(hasKey("unitCost"))).body("totals", not(hasKey("cost")))
        .body("totals", not(hasKey("grossProfit")));
    technician.request().body(Shop.part("Own line", "1", "1.00", "1.00")).post("/work-orders/" + id + "/lines")
        .then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void badLinesAreRefusedWithAProblemAndNothingIsWritten() throws Exception {
    Api.Tenant owner = Api.newOrganization("wo-bad");
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    owner.request().body(Shop.part("Negative", "-1", "1.00", "2.00")).post("/work-orders/" + id + "/lines")
        .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("quantity"));
    owner.request().body(Shop.part("Fractions of a cent", "1", "1.00", "2.005"))
        .post("/work-orders/" + id + "/lines").then().statusCode(400).body("errors.field", hasItem("unitPrice"));
    owner.request().body(Shop.labor("Negative hours", "-2", null)).post("/work-orders/" + id + "/lines")
        .then().statusCode(400).body("errors.field", hasItem("hours"));
    owner.request().body(Shop.priced("PART", "Negative price", "-5.00")).post("/work-orders/" + id + "/lines")
        .then().statusCode(400).body("errors.field", hasItem("unitPrice"));
    owner.request().body(Map.of("type", "LABOR", "description", "No hours")).post("/work-orders/" + id + "/lines")
        .then().statusCode(422).body("errors.field", hasItem("hours"));
    owner.request().body("{\"type\":\"TIRE\",\"description\":\"x\"}").post("/work-orders/" + id + "/lines")
        .then().statusCode(400).contentType("application/problem+json");
    owner.request().get("/work-orders/" + id).then().body("lines", org.hamcrest.Matchers.empty())
        .body("version", equalTo(0));
    try (Connection db = Api.database(); ResultSet rs = db.createStatement()
        .executeQuery("select count(*) from work_order_lines where work_order_id = '" + id + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void aVehicleOfAnotherCustomerOrAnotherOrganizationCannotBeUsed() {
    Api.Tenant a = Api.newOrganization("wo-iso-a");
    Api.Tenant b = Api.newOrganization("wo-iso-b");
    String id = new Shop(a).estimate();
    b.request().get("/work-orders/" + id).then().statusCode(404);
    b.request().body(Shop.labor("Sneaky", "1", "1.00")).post("/work-orders/" + id + "/lines").then().statusCode(404);
    b.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then().statusCode(404);
    b.request().post("/work-orders/" + id + "/invoice").then().statusCode(404);
    String customer = a.createCustomer("Other", "Owner");
    String vehicle = new Shop(a).vehicleOf(a.createCustomer("Vehicle", "Owner"));
    a.request().body(Map.of("shopId", a.shopId(), "customerId", customer, "vehicleId", vehicle))
        .post("/work-orders").then().statusCode(422).body("errors.field", hasItem("vehicleId"));
    a.request().body(Map.of("shopId", b.shopId(), "customerId", customer, "vehicleId", vehicle))
        .post("/work-orders").then().statusCode(422).body("errors.field", hasItem("shopId"));
  }

  @Test
  void theBoardStatusMovesOnlyAlongTheShopsColumnsAndItsHistoryIsKept() {
    Api.Tenant owner = Api.newOrganization("wo-board");
    String id = new Shop(owner).estimate();
    owner.request().get("/shops/" + owner.shopId() + "/board").then().statusCode(200)
        .body("columns.code", contains("WAITING", "IN_BAY", "WAITING_PARTS", "QUALITY_CHECK", "READY"));
    owner.request().body(Map.of("status", "READY")).post("/work-orders/" + id + "/status").then().statusCode(409)
        .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("IN_BAY"));
    owner.request().body(Map.of("status", "ON_THE_MOON")).post("/work-orders/" + id + "/status")
        .then().statusCode(422).body("errors.field", hasItem("status"));
    owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then().statusCode(200)
        .body("status", equalTo("IN_BAY"));
    owner.request().body(Map.of("status", "QUALITY_CHECK")).post("/work-orders/" + id + "/status")
        .then().statusCode(200);
    owner.request().get("/work-orders/" + id + "/status-history").then().statusCode(200)
        .body("status", equalTo("QUALITY_CHECK"))
        .body("items.to", contains("WAITING", "IN_BAY", "QUALITY_CHECK"))
        .body("items.from", contains(nullValue(), equalTo("WAITING"), equalTo("IN_BAY")))
        .body("items[1].changedBy", notNullValue())
        .body("secondsInStatus", hasKey("WAITING")).body("secondsInStatus", hasKey("QUALITY_CHECK"));

    owner.request().body(Map.of("columns", List.of(
            Map.of("code", "CHECKED_IN", "name", "Checked in", "next", List.of("DONE")),
            Map.of("code", "DONE", "name", "Done", "next", List.of()))))
        .put("/shops/" + owner.shopId() + "/board").then().statusCode(200).body("columns.code",
            contains("CHECKED_IN", "DONE"));
    String second = new Shop(owner).estimate();
    owner.request().get("/work-orders/" + second).then().body("status", equalTo("CHECKED_IN"));
    owner.request().body(Map.of("columns", List.of(Map.of("code", "A", "name", "A", "next", List.of("NOPE")))))
        .put("/shops/" + owner.shopId() + "/board").then().statusCode(422);
  }

  @Test
  void techniciansMoveCarsOnTheBoard() {
    Shop shop = new Shop(Api.demoAs("SERVICE_ADVISOR"));
    String id = shop.estimate();
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    technician.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status")
        .then().statusCode(404);
    shop.assign(id, Shop.userIdOf(technician));
    technician.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status")
        .then().statusCode(200).body("status", equalTo("IN_BAY"));
  }

  @Test
  void anInvoiceFreezesTheWorkOrderAndOnlyManagersInvoice() {
    Api.Tenant owner = Api.newOrganization("wo-invoice");
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Diagnosis", "1", "100.00")));
    owner.request().post("/work-orders/" + id + "/invoice").then().statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("estimate"));
    String invoice = shop.invoiced(id);
    owner.request().get("/invoices/" + invoice).then().statusCode(200)
        .body("number", matchesPattern("INV-\\d{4}-000001")).body("total", equalTo("100.00"))
        .body("balanceDue", equalTo("100.00")).body("status", equalTo("OPEN"))
        .body("lines[0].description", equalTo("Diagnosis"));
    owner.request().get("/work-orders/" + id).then().body("kind", equalTo("INVOICED"));
    owner.request().body(Shop.labor("Sneaked in later", "1", "100.00")).post("/work-orders/" + id + "/lines")
        .then().statusCode(409);
    owner.request().post("/work-orders/" + id + "/invoice").then().statusCode(409);
    owner.request().get("/invoices/" + invoice).then().body("total", equalTo("100.00"));

    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String demo = new Shop(advisor).estimate();
    advisor.request().post("/work-orders/" + demo + "/repair-order").then().statusCode(200);
    advisor.request().post("/work-orders/" + demo + "/invoice").then().statusCode(403);
    Api.demoAs("MANAGER").request().post("/work-orders/" + demo + "/invoice").then().statusCode(201);
  }

  @Test
  void theInvoicePdfShowsTheFrozenLinesAndTotals() throws Exception {
    Api.Tenant owner = Api.newOrganization("wo-pdf");
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Timing belt replacement", "3", "95.00"),
        Shop.part("Timing belt kit", "1", "80.00", "149.99")));
    String invoice = shop.invoiced(id);
    String number = owner.request().get("/invoices/" + invoice).path("number");
    byte[] pdf = owner.request().accept("application/pdf").get("/invoices/" + invoice + "/pdf").then()
        .statusCode(200).contentType("application/pdf").extract().asByteArray();
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("Invoice " + number).contains("Timing belt replacement").contains("434.99")
          .contains("Balance due");
    }
    Api.demoAs("TECHNICIAN").request().get("/invoices/" + invoice + "/pdf").then().statusCode(403);
    Api.newOrganization("wo-pdf-other").request().get("/invoices/" + invoice + "/pdf").then().statusCode(404);
  }

  @Test
  void invoiceNumbersHaveNoGapsUnderConcurrency() throws Exception {
    Api.Tenant owner = Api.newOrganization("wo-gapless");
    Shop shop = new Shop(owner);
    String customer = owner.createCustomer("Fleet", "Customer");
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String id = shop.estimateFor(customer, shop.vehicleOf(customer));
      owner.request().post("/work-orders/" + id + "/repair-order").then().statusCode(200);
      orders.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> conversions = orders.stream().<Callable<String>>map(id -> () ->
          owner.request().post("/work-orders/" + id + "/invoice").then().statusCode(201).extract()
              .path("number")).toList();
      List<String> numbers = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(conversions)) {
        numbers.add(f.get());
      }
      int year = Integer.parseInt(numbers.get(0).substring(4, 8));
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        expected.add("INV-%d-%06d".formatted(year, i));
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workOrdersCreatedAreCountedPerShopAtMetrics() {
    Api.Tenant owner = Api.newOrganization("wo-metrics");
    new Shop(owner).estimate();
    new Shop(owner).estimate();
    String metrics = Api.metrics();
    assertThat(metrics).containsPattern("work_orders_created_total\\{[^}]*shop=\"" + owner.shopId() + "\"[^}]*} 2");
  }

  /** Issue 15.6, as a new user met it: 0.01 x 2 with a unit cost of twelve nines answered 500 and was stored. */
  @Test
  void aLineWhoseSumsOverflowIsRefusedWith422AndNothingIsStored() {
    Api.Tenant owner = Api.newOrganization("wo-overflow");
    String id = new Shop(owner).estimate();
    String etag = owner.request().get("/work-orders/" + id).header("ETag");
    owner.request().body(Shop.part("Gold-plated pads", "2", "999999999999.99", "0.01"))
        .post("/work-orders/" + id + "/lines").then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("unitCost"));
    owner.request().body(Shop.part("Pads", "9999999", "0", "999999999999.99"))
        .post("/work-orders/" + id + "/lines").then().statusCode(422).body("errors.field", hasItem("unitPrice"));
    owner.request().body(Shop.labor("A long job", "9999.99", "999999999999.99"))
        .post("/work-orders/" + id + "/lines").then().statusCode(422).body("errors.field", hasItem("hours"));
    // each line fits, their sum does not
    Map<String, Object> half = Shop.priced("FEE", "Half", "600000000000.00");
    owner.request().body(half).post("/work-orders/" + id + "/lines").then().statusCode(201);
    owner.request().body(half).post("/work-orders/" + id + "/lines").then().statusCode(422)
        .body("errors.field", hasItem("lines"));
    owner.request().get("/work-orders/" + id).then().statusCode(200).body("lines", hasSize(1))
        .header("ETag", not(equalTo(etag)));
    owner.request().queryParam("shopId", owner.shopId()).get("/work-orders").then().statusCode(200);
  }

  /** Issue 15.6: a work order stored before the check (here written straight into the table) breaks nothing. */
  @Test
  void aWorkOrderWhoseSumsOverflowInTheDatabaseDoesNotBreakTheBoardOrItself() throws Exception {
    Api.Tenant owner = Api.newOrganization("wo-stored-overflow");
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.part("Pads", "1", "10.00", "20.00")));
    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update work_order_lines set quantity = 2, unit_cost = 999999999999.99 "
          + "where work_order_id = '" + id + "'");
    }
    owner.request().queryParam("shopId", owner.shopId()).get("/work-orders").then().statusCode(200)
        .body("items.id", hasItem(id));
    owner.request().get("/work-orders/" + id).then().statusCode(200).body("totals.cost", equalTo("1999999999999.98"));
    owner.request().post("/work-orders/" + id + "/repair-order").then().statusCode(200);
    owner.request().post("/work-orders/" + id + "/invoice").then().statusCode(422)
        .contentType("application/problem+json");
    owner.request().get("/work-orders/" + id).then().statusCode(200).body("kind", equalTo("REPAIR_ORDER"));
  }

  /** Issue 15.10: the first work orders of a new shop, all at once, each get their number (no 409). */
  @Test
  void severalWorkOrdersAtTheSameMomentInANewShopAllSucceed() throws Exception {
    Api.Tenant owner = Api.newOrganization("wo-first-board");
    Shop shop = new Shop(owner);
    List<String[]> cars = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String customer = owner.createCustomer("Rush", "Hour" + i);
      cars.add(new String[] {customer, shop.vehicleOf(customer)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> created = new ArrayList<>();
    for (String[] car : cars) {
      created.add(pool.submit(() -> owner.request().body(Map.of("shopId", owner.shopId(), "customerId", car[0],
          "vehicleId", car[1])).post("/work-orders").statusCode()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : created) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201);
    owner.request().get("/shops/" + owner.shopId() + "/board").then().statusCode(200)
        .body("columns.code", contains("WAITING", "IN_BAY", "WAITING_PARTS", "QUALITY_CHECK", "READY"));
  }

  /** Issue 15.10: If-Match as RFC 9110 has it. */
  @Test
  void ifMatchWithAForeignTagFailsThePreconditionAndStarChangesWhateverIsCurrent() {
    Api.Tenant owner = Api.newOrganization("wo-if-match");
    String id = new Shop(owner).estimate();
    Map<String, Object> change = Map.of("mileageIn", 120600, "complaint", "Squeal when cold");
    owner.request().header("If-Match", "\"not-ours\"").body(change).put("/work-orders/" + id).then()
        .statusCode(412).contentType("application/problem+json");
    owner.request().header("If-Match", "W/\"0-gzip\"").body(change).put("/work-orders/" + id).then()
        .statusCode(412);
    owner.request().header("If-Match", "not a tag").body(change).put("/work-orders/" + id).then().statusCode(400)
        .body("errors.field", hasItem("If-Match"));
    owner.request().header("If-Match", "*").body(change).put("/work-orders/" + id).then().statusCode(200)
        .body("complaint", equalTo("Squeal when cold"));
    owner.request().header("If-Match", "\"0\"").body(change).put("/work-orders/" + id).then().statusCode(412);
  }
}
