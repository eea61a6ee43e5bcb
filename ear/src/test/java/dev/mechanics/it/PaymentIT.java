package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
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

class PaymentIT {

  private static String invoiceOf(Api.Tenant owner, String amount) {
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.priced("FEE", "Diagnosis", amount)));
    return shop.invoiced(id);
  }

  private static Response pay(Api.Tenant who, String invoice, String key, Map<String, Object> body) {
    var request = who.request().body(body);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/invoices/" + invoice + "/payments");
  }

  @Test
  void partialPaymentsThenARefundKeepBalanceAndStatusConsistent() {
    Api.Tenant owner = Api.newOrganization("pay-partial");
    String invoice = invoiceOf(owner, "100.00");
    pay(owner, invoice, UUID.randomUUID().toString(), Map.of("amount", "40.00", "method", "CASH"))
        .then().statusCode(201).body("invoiceBalanceDue", equalTo("60.00")).body("invoiceStatus", equalTo("OPEN"));
    pay(owner, invoice, UUID.randomUUID().toString(), Map.of("amount", "60.01", "method", "CARD",
        "reference", "AUTH-1")).then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("amount"));
    pay(owner, invoice, UUID.randomUUID().toString(), Map.of("amount", "60.00", "method", "CARD",
        "reference", "AUTH-2")).then().statusCode(201).body("invoiceBalanceDue", equalTo("0.00"))
        .body("invoiceStatus", equalTo("PAID"));
    owner.request().get("/invoices/" + invoice).then().body("status", equalTo("PAID"))
        .body("amountPaid", equalTo("100.00"));
    pay(owner, invoice, UUID.randomUUID().toString(), Map.of("amount", "-20.00", "method", "CARD",
        "reference", "REFUND-1")).then().statusCode(201).body("invoiceBalanceDue", equalTo("20.00"))
        .body("invoiceStatus", equalTo("OPEN"));
    pay(owner, invoice, UUID.randomUUID().toString(), Map.of("amount", "-90.00", "method", "CASH"))
        .then().statusCode(422);
    owner.request().get("/invoices/" + invoice + "/payments").then().statusCode(200)
        .body("items.amount", org.hamcrest.Matchers.contains("40.00", "60.00", "-20.00"));
    // money changes are in the hash-chained audit trail, refused payments are not
    owner.request().queryParam("entityId", invoice).get("/audit").then().statusCode(200)
        .body("items.action", org.hamcrest.Matchers.contains("invoice.issued", "payment.recorded",
            "payment.recorded", "payment.refunded"));
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));
  }

  @Test
  void badPaymentsAreClearProblems() {
    Api.Tenant owner = Api.newOrganization("pay-bad");
    String invoice = invoiceOf(owner, "50.00");
    pay(owner, invoice, null, Map.of("amount", "10.00", "method", "CASH")).then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    pay(owner, invoice, "k-" + UUID.randomUUID(), Map.of("amount", "10.001", "method", "CASH"))
        .then().statusCode(400).body("errors.field", hasItem("amount"));
    pay(owner, invoice, "k-" + UUID.randomUUID(), Map.of("amount", "10.00", "method", "BITCOIN"))
        .then().statusCode(400);
    pay(owner, invoice, "k-" + UUID.randomUUID(), Map.of("amount", "0.00", "method", "CASH"))
        .then().statusCode(422);
    pay(Api.demoAs("SERVICE_ADVISOR"), invoice, "k-" + UUID.randomUUID(), Map.of("amount", "1.00", "method",
        "CASH")).then().statusCode(403);
    pay(Api.newOrganization("pay-other"), invoice, "k-" + UUID.randomUUID(), Map.of("amount", "1.00", "method",
        "CASH")).then().statusCode(404);
    owner.request().get("/invoices/" + invoice).then().body("amountPaid", equalTo("0.00"));
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstPaymentAndAnotherBodyIs422() {
    Api.Tenant owner = Api.newOrganization("pay-idem");
    String invoice = invoiceOf(owner, "80.00");
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("amount", "30.00", "method", "CARD", "reference", "AUTH-9");
    String first = pay(owner, invoice, key, body).then().statusCode(201).extract().path("id");
    pay(owner, invoice, key, body).then().statusCode(201).body("id", equalTo(first))
        .header("Idempotent-Replayed", "true");
    pay(owner, invoice, key, Map.of("amount", "31.00", "method", "CARD", "reference", "AUTH-9"))
        .then().statusCode(422).contentType("application/problem+json");
    owner.request().get("/invoices/" + invoice).then().body("amountPaid", equalTo("30.00"));
  }

  @Test
  void twentyConcurrentIdenticalRequestsCreateExactlyOnePayment() throws Exception {
    Api.Tenant owner = Api.newOrganization("pay-race");
    String invoice = invoiceOf(owner, "500.00");
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("amount", "125.00", "method", "CASH");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> pay(owner, invoice, key, body).then().statusCode(201).extract().path("id"));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        ids.add(f.get());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*), sum(amount) from payments where invoice_id = '" + invoice + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("125.00");
    }
    owner.request().get("/invoices/" + invoice).then().body("balanceDue", equalTo("375.00"));
  }
}
