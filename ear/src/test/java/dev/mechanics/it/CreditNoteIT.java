package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Credit notes: the only way to correct an issued invoice (issue 4). */
class CreditNoteIT {

  private static final List<Map<String, Object>> TAXES = List.of(
      Map.of("name", "State", "rate", "0.0625", "appliesToLabor", false, "appliesToParts", true),
      Map.of("name", "County", "rate", "0.0100", "appliesToLabor", true, "appliesToParts", true));

  private static String feeInvoice(Api.Tenant owner, String amount) {
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.priced("FEE", "Diagnosis", amount)));
    return shop.invoiced(id);
  }

  private static Response credit(Api.Tenant who, String invoice, String key, Map<String, Object> body) {
    var request = who.request().body(body);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/invoices/" + invoice + "/credit-notes");
  }

  private static Response credit(Api.Tenant who, String invoice, Map<String, Object> body) {
    return credit(who, invoice, UUID.randomUUID().toString(), body);
  }

  private static Map<String, Object> amount(String amount) {
    return Map.of("reason", "Goodwill", "amount", amount);
  }

  private static Map<String, Object> line(int line, String quantity) {
    Map<String, Object> l = new HashMap<>();
    l.put("line", line);
    if (quantity != null) {
      l.put("quantity", quantity);
    }
    return l;
  }

  private static Response pay(Api.Tenant who, String invoice, String amount) {
    return who.request().header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Map.of("amount", amount, "method", "CARD")).post("/invoices/" + invoice + "/payments");
  }

  private static String documentOf(String invoice) throws Exception {
    try (Connection db = Api.database();
         PreparedStatement q = db.prepareStatement("select number || '|' || total || '|' || document "
             + "from invoices where id = ?::uuid")) {
      q.setString(1, invoice);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void creditingLinesTaxesThemLikeTheInvoiceAndLeavesTheInvoiceUntouched() throws Exception {
    Api.Tenant owner = Api.newOrganization("cn-lines");
    owner.request().body(Map.of("items", TAXES)).put("/shops/" + owner.shopId() + "/tax-rates")
        .then().statusCode(200);
    Shop shop = new Shop(owner);
    String order = shop.estimate();
    shop.addLines(order, List.of(
        Shop.labor("Replace front pads and rotors", "1.5", "120.00"),  // 180.00
        Shop.part("Rotor", "2", "40.00", "89.50")));                    // 179.00
    String invoice = shop.invoiced(order);
    // State 6.25 % of 179.00 = 11.1875 -> 11.19; County 1 % of 359.00 = 3.59; total 373.78
    owner.request().get("/invoices/" + invoice).then().body("total", equalTo("373.78"))
        .body("taxes.amount", contains("11.19", "3.59")).body("amountCredited", equalTo("0.00"));
    String frozen = documentOf(invoice);
    // the shop changes its rates after issue: credit notes still tax like the invoice did
    owner.request().body(Map.of("items", List.of(Map.of("name", "State", "rate", "0.0900", "appliesToLabor", true,
        "appliesToParts", true)))).put("/shops/" + owner.shopId() + "/tax-rates").then().statusCode(200);

    // one of two rotors: 89.50; State 5.59375 -> 5.59; County 0.895 -> 0.90 (half-even); total 95.99
    Response first = credit(owner, invoice, Map.of("reason", "Second rotor was not needed",
        "lines", List.of(line(1, "1"))));
    first.then().statusCode(201).header("Location", containsString("/credit-notes/"))
        .body("number", matchesPattern("CN-\\d{4}-000001")).body("lines.amount", contains("89.50"))
        .body("lines[0].line", equalTo(1)).body("taxes.amount", contains("5.59", "0.90"))
        .body("subtotal", equalTo("89.50")).body("taxTotal", equalTo("6.49")).body("total", equalTo("95.99"))
        .body("invoiceAmountCredited", equalTo("95.99")).body("invoiceBalanceDue", equalTo("277.79"))
        .body("invoiceStatus", equalTo("OPEN"));
    String firstId = first.path("id");

    // the rest of everything: each tax is what is left of it, so the invoice is reversed to the cent
    credit(owner, invoice, Map.of("reason", "Customer cancelled", "lines", List.of(line(0, null), line(1, null))))
        .then().statusCode(201).body("number", matchesPattern("CN-\\d{4}-000002"))
        .body("lines.amount", contains("180.00", "89.50")).body("taxes.amount", contains("5.60", "2.69"))
        .body("total", equalTo("277.79")).body("invoiceBalanceDue", equalTo("0.00"))
        .body("invoiceStatus", equalTo("VOID"));

    // the invoice itself never changed: same number, lines, taxes, total and stored document
    owner.request().get("/invoices/" + invoice).then().statusCode(200).body("total", equalTo("373.78"))
        .body("subtotal", equalTo("359.00")).body("taxes.amount", contains("11.19", "3.59"))
        .body("lines.amount", contains("180.00", "179.00")).body("amountCredited", equalTo("373.78"))
        .body("balanceDue", equalTo("0.00")).body("refundDue", equalTo("0.00")).body("status", equalTo("VOID"));
    assertThat(documentOf(invoice)).isEqualTo(frozen);
    owner.request().body(Map.of("total", "1.00")).put("/invoices/" + invoice).then().statusCode(405)
        .contentType("application/problem+json");
    owner.request().body(Shop.labor("Sneaked in later", "1", "100.00")).post("/work-orders/" + order + "/lines")
        .then().statusCode(409);

    // a void invoice has nothing left to credit and takes no payments
    credit(owner, invoice, amount("1.00")).then().statusCode(422).contentType("application/problem+json");
    credit(owner, invoice, Map.of("reason", "Again", "lines", List.of(line(0, null)))).then().statusCode(422);
    pay(owner, invoice, "1.00").then().statusCode(409).contentType("application/problem+json");

    owner.request().get("/invoices/" + invoice + "/credit-notes").then().statusCode(200)
        .body("items.total", contains("95.99", "277.79"));
    owner.request().get("/invoices/" + invoice + "/credit-notes/" + firstId).then().statusCode(200)
        .body("reason", equalTo("Second rotor was not needed")).body("total", equalTo("95.99"));
    byte[] pdf = owner.request().accept("application/pdf")
        .get("/invoices/" + invoice + "/credit-notes/" + firstId + "/pdf").then().statusCode(200)
        .contentType("application/pdf").extract().asByteArray();
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("Credit note " + first.path("number")).contains("Rotor").contains("95.99")
          .contains("Total credited").contains((String) owner.request().get("/invoices/" + invoice).path("number"));
    }

    owner.request().queryParam("entityId", invoice).get("/audit").then().statusCode(200)
        .body("items.action", contains("invoice.issued", "credit_note.issued", "credit_note.issued"));
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    assertThat(Api.metrics())
        .containsPattern("credit_notes_issued_total\\{[^}]*shop=\"" + owner.shopId() + "\"[^}]*} 2");
  }

  @Test
  void noMoreThanWasInvoicedCanBeCreditedAndBadRequestsAreProblems() {
    Api.Tenant owner = Api.newOrganization("cn-over");
    String invoice = feeInvoice(owner, "100.00");
    credit(owner, invoice, amount("60.00")).then().statusCode(201).body("total", equalTo("60.00"));
    credit(owner, invoice, amount("40.01")).then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("amount")).body("detail", containsString("40.00"));
    credit(owner, invoice, Map.of("reason", "Too many", "lines", List.of(line(0, "2")))).then().statusCode(422)
        .contentType("application/problem+json").body("errors.field", hasItem("lines[0].quantity"));
    credit(owner, invoice, Map.of("reason", "No such line", "lines", List.of(line(7, null)))).then()
        .statusCode(422).body("errors.field", hasItem("lines[0].line"));
    credit(owner, invoice, Map.of("reason", "Twice", "lines", List.of(line(0, "0.5"), line(0, "0.5"))))
        .then().statusCode(422);
    credit(owner, invoice, Map.of("amount", "1.00")).then().statusCode(400).body("errors.field", hasItem("reason"));
    credit(owner, invoice, Map.of("reason", "Both", "amount", "1.00", "lines", List.of(line(0, null))))
        .then().statusCode(400).contentType("application/problem+json");
    credit(owner, invoice, Map.of("reason", "Neither")).then().statusCode(400);
    credit(owner, invoice, amount("1.001")).then().statusCode(400).body("errors.field", hasItem("amount"));
    credit(owner, invoice, amount("-5.00")).then().statusCode(400);
    credit(owner, invoice, amount("0.00")).then().statusCode(422);
    credit(owner, invoice, null, amount("1.00")).then().statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"));
    owner.request().get("/invoices/" + invoice).then().body("amountCredited", equalTo("60.00"))
        .body("balanceDue", equalTo("40.00"));

    // Idempotency-Key as on payments: the retry gets the first credit note, another body with the key is 422
    String key = UUID.randomUUID().toString();
    String id = credit(owner, invoice, key, amount("15.00")).then().statusCode(201).extract().path("id");
    credit(owner, invoice, key, amount("15.00")).then().statusCode(201).body("id", equalTo(id))
        .header("Idempotent-Replayed", "true");
    credit(owner, invoice, key, amount("16.00")).then().statusCode(422).body("errors.field",
        hasItem("Idempotency-Key"));
    owner.request().get("/invoices/" + invoice).then().body("amountCredited", equalTo("75.00"));
  }

  @Test
  void parallelCreditNotesGetGaplessNumbersAndNeverExceedTheInvoice() throws Exception {
    Api.Tenant owner = Api.newOrganization("cn-race");
    String invoice = feeInvoice(owner, "200.00");
    ExecutorService pool = Executors.newFixedThreadPool(25);
    List<Integer> statuses = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    try {
      List<Callable<Response>> calls = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        calls.add(() -> credit(owner, invoice, amount("10.00")));
      }
      for (Future<Response> f : pool.invokeAll(calls)) {
        Response r = f.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 201) {
          numbers.add(r.path("number"));
        } else {
          assertThat(r.contentType()).startsWith("application/problem+json");
        }
      }
      // nothing is left: identical requests under one key all fail the same way, and nothing is stored
      String key = UUID.randomUUID().toString();
      List<Callable<Integer>> retries = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        retries.add(() -> credit(owner, invoice, key, amount("10.00")).statusCode());
      }
      for (Future<Integer> f : pool.invokeAll(retries)) {
        assertThat(f.get()).isEqualTo(422);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(20);
    assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(5);
    int year = Integer.parseInt(numbers.get(0).substring(3, 7));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      expected.add("CN-%d-%06d".formatted(year, i));
    }
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*), sum(total), (select amount_credited from invoices where id = '" + invoice + "') "
            + "from credit_notes where invoice_id = '" + invoice + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(20);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("200.00");
      assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("200.00");
    }
    owner.request().get("/invoices/" + invoice).then().body("status", equalTo("VOID"));
  }

  @Test
  void concurrentIdenticalCreditRequestsCreateOneCreditNote() throws Exception {
    Api.Tenant owner = Api.newOrganization("cn-idem");
    String invoice = feeInvoice(owner, "90.00");
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    Set<String> ids = new HashSet<>();
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> credit(owner, invoice, key, amount("25.00")).then().statusCode(201).extract().path("id"));
      }
      for (Future<String> f : pool.invokeAll(calls)) {
        ids.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids).hasSize(1);
    owner.request().get("/invoices/" + invoice).then().body("amountCredited", equalTo("25.00"))
        .body("balanceDue", equalTo("65.00"));
  }

  @Test
  void creditsReduceTheAmountDueAndOnPaidWorkBecomeARefundDue() {
    Api.Tenant owner = Api.newOrganization("cn-balance");
    String invoice = feeInvoice(owner, "100.00");
    pay(owner, invoice, "40.00").then().statusCode(201).body("invoiceBalanceDue", equalTo("60.00"));
    credit(owner, invoice, amount("30.00")).then().statusCode(201).body("invoiceBalanceDue", equalTo("30.00"))
        .body("invoiceStatus", equalTo("OPEN"));
    // paying more than the balance after the credit note is refused
    pay(owner, invoice, "30.01").then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("amount")).body("detail", containsString("30.00"));
    pay(owner, invoice, "30.00").then().statusCode(201).body("invoiceBalanceDue", equalTo("0.00"))
        .body("invoiceStatus", equalTo("PAID"));
    // crediting paid work: nothing is due, the shop owes the credited amount back
    credit(owner, invoice, amount("70.00")).then().statusCode(201).body("invoiceBalanceDue", equalTo("0.00"))
        .body("invoiceRefundDue", equalTo("70.00")).body("invoiceStatus", equalTo("PAID"));
    owner.request().get("/invoices/" + invoice).then().body("amountPaid", equalTo("70.00"))
        .body("amountCredited", equalTo("100.00")).body("balanceDue", equalTo("0.00"))
        .body("refundDue", equalTo("70.00"));
    pay(owner, invoice, "0.01").then().statusCode(422);
    pay(owner, invoice, "-70.01").then().statusCode(422);
    pay(owner, invoice, "-50.00").then().statusCode(201).body("invoiceBalanceDue", equalTo("0.00"))
        .body("invoiceStatus", equalTo("PAID"));
    // the refund pays out what was credited; once nothing remains paid, the fully credited invoice is void
    pay(owner, invoice, "-20.00").then().statusCode(201).body("invoiceStatus", equalTo("VOID"));
    owner.request().get("/invoices/" + invoice).then().body("amountPaid", equalTo("0.00"))
        .body("refundDue", equalTo("0.00")).body("status", equalTo("VOID"));
  }

  @Test
  void onlyManagersAndOwnersCreditIssuedInvoicesOfTheirOwnOrganization() {
    Api.Tenant owner = Api.newOrganization("cn-who");
    String invoice = feeInvoice(owner, "50.00");
    String estimate = new Shop(owner).estimate();
    // a work order that was never invoiced has no invoice to credit
    credit(owner, estimate, amount("1.00")).then().statusCode(404).contentType("application/problem+json");
    credit(owner, "not-an-id", amount("1.00")).then().statusCode(404).contentType("application/problem+json");
    // another organization's invoice does not exist for the caller
    Api.Tenant other = Api.newOrganization("cn-who-other");
    credit(other, invoice, amount("1.00")).then().statusCode(404).contentType("application/problem+json");
    other.request().get("/invoices/" + invoice + "/credit-notes").then().statusCode(404);

    Api.Tenant manager = Api.demoAs("MANAGER");
    String demoInvoice = feeInvoice(manager, "20.00");
    credit(Api.demoAs("SERVICE_ADVISOR"), demoInvoice, amount("1.00")).then().statusCode(403)
        .contentType("application/problem+json");
    credit(Api.demoAs("TECHNICIAN"), demoInvoice, amount("1.00")).then().statusCode(403);
    Api.demoAs("SERVICE_ADVISOR").request().get("/invoices/" + demoInvoice + "/credit-notes").then()
        .statusCode(403);
    String id = credit(manager, demoInvoice, amount("5.00")).then().statusCode(201).extract().path("id");
    Api.demoAs("OWNER").request().get("/invoices/" + demoInvoice + "/credit-notes/" + id).then().statusCode(200)
        .body("total", equalTo("5.00"));
    other.request().get("/invoices/" + demoInvoice + "/credit-notes/" + id).then().statusCode(404);
    owner.request().get("/invoices/" + invoice + "/credit-notes/" + id).then().statusCode(404);
    owner.request().get("/invoices/" + invoice).then().body("amountCredited", equalTo("0.00"));
  }
}
