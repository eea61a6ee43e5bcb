package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Pdfs;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.it.support.Vins;
import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18, as a new user would try it: a shop with its identity, registration numbers, logo and a 10.25 % parts
 * tax; a customer with name, address and phone; a 2022 Ford F-150 with VIN, plate and mileage in and out; labor
 * and parts with part numbers, conditions and the technician; approved through the link, invoiced (and mailed),
 * paid 200.00 by card, partly credited. Every document kind is fetched as its readers may fetch it, read back
 * (PDFBox) in English and Spanish, validated as PDF/A-2b (veraPDF), and its first page drawn into
 * target/documents/ for a reviewer.
 */
class DocumentIT {

  /** An address of its own: other test classes mail carla.driver@ too, and their mails may arrive during this one. */
  private static final String CARLA = "carla.documents@example.com";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withPerMethodLifecycle(false);

  static final String SVG_LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"60\">"
      + "<rect width=\"240\" height=\"60\" rx=\"8\" fill=\"#0b6e4f\"/>"
      + "<circle cx=\"30\" cy=\"30\" r=\"18\" fill=\"#ffffff\"/></svg>";
  private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  private static Api.Tenant owner;
  private static Api.Tenant technician;
  private static String workOrder;
  private static String invoice;
  private static String payment;
  private static String creditNote;
  private static String approvalLink;
  /** The customer's copy of the estimate, taken from the link before it was answered (a used link shows nothing). */
  private static byte[] customerCopy;
  private static String vin;

  /** The whole story once; the tests read the documents it left. */
  @BeforeAll
  static void aShopRepairsAFordAndBillsIt() throws Exception {
    owner = Api.newOrganization("documents");
    String shopId = owner.shopId();
    String etag = owner.request().get("/shops/" + shopId).header("ETag");
    owner.request().header("If-Match", etag).body(Map.of("name", "Main Street Auto " + UUID.randomUUID()
            .toString().substring(0, 4), "timeZone", "America/Los_Angeles", "phone", "+1 916 555 0142",
            "address", "1200 Main Street\nSacramento, CA 95814", "laborRate", "120.00"))
        .put("/shops/" + shopId).then().statusCode(200);
    owner.request().body(Map.of("items", List.of(Map.of("name", "Sales tax", "rate", "0.1025",
        "appliesToLabor", false, "appliesToParts", true)))).put("/shops/" + shopId + "/tax-rates").then()
        .statusCode(200);
    etag = owner.request().get("/shops/" + shopId).header("ETag");
    owner.request().header("If-Match", etag).body(settings("en-US", true)).put("/shops/" + shopId
        + "/document-settings").then().statusCode(200).body("legalName", equalTo("Main Street Auto LLC"));
    owner.request().contentType("image/svg+xml").body(SVG_LOGO.getBytes(StandardCharsets.UTF_8))
        .put("/shops/" + shopId + "/logo").then().statusCode(200).body("logo", equalTo("image/svg+xml"));

    String techEmail = "tess-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String techId = owner.request().body(Map.of("email", techEmail, "name", "Tess Técnica", "password",
            "torque wrench 42 nm", "memberships", List.of(Map.of("shopId", shopId, "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201).extract().path("id");
    technician = Api.Tenant.of(Api.login(techEmail, "torque wrench 42 nm"));

    String customer = owner.request().body(Map.of("firstName", "Carla", "lastName", "Driver", "email",
            CARLA, "phone", "+1 916 555 0199", "address", "42 Elm Street\nSacramento, CA 95816"))
        .post("/customers").then().statusCode(201).extract().path("id");
    vin = Vins.random();
    String vehicle = owner.request().body(Map.of("customerId", customer, "vin", vin, "make", "Ford",
            "model", "F-150", "year", 2022, "plate", "8ABC123", "mileage", 45120))
        .post("/vehicles").then().statusCode(201).extract().path("id");
    workOrder = new Shop(owner).estimateFor(customer, vehicle);
    new Shop(owner).addLines(workOrder, List.of(
        line(Shop.labor("Replace front brake pads and rotors", "1.5", "120.00"), "technicianId", techId),
        line(line(Shop.part("Front brake pads", "1", "25.00", "59.90"), "condition", "NEW"), "partNumber",
            "BP-1234"),
        line(line(Shop.part("Front brake rotor", "2", "40.00", "89.95"), "condition", "REMANUFACTURED"),
            "partNumber", "RT-5678")));
    Response current = owner.request().get("/work-orders/" + workOrder);
    Map<String, Object> change = new HashMap<>();
    change.put("mileageIn", 45120);
    change.put("mileageOut", 45131);
    change.put("complaint", "Grinding noise when braking");
    change.put("cause", "Front pads worn to the backing plate, rotors scored");
    change.put("correction", "Replaced front pads and rotors, road tested");
    change.put("technicianIds", List.of(techId));
    owner.request().header("If-Match", current.header("ETag")).body(change).put("/work-orders/" + workOrder)
        .then().statusCode(200).body("mileageOut", equalTo(45131));

    String url = owner.request().body(Map.of("email", CARLA))
        .post("/work-orders/" + workOrder + "/approval-link").then().statusCode(201).extract().path("url");
    approvalLink = url.substring(url.indexOf("/approvals/"));
    Response shown = Api.anonymous().get(approvalLink);
    customerCopy = Api.anonymous().accept("application/pdf").get(approvalLink + "/pdf").asByteArray();
    List<String> lines = shown.path("lines.id");
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).body(Map.of("approverName", "Carla Driver",
            "documentHash", shown.path("documentHash"), "decisions", lines.stream()
                .map(l -> Map.of("lineId", l, "approved", true)).toList()))
        .post(approvalLink).then().statusCode(200);
    owner.request().body(Map.of("items", List.of(Map.of("name", "Front brakes", "condition", "GREEN", "notes",
        "new pads and rotors"), Map.of("name", "Rear brakes", "condition", "YELLOW", "notes", "4 mm left"))))
        .put("/work-orders/" + workOrder + "/inspection").then().statusCode(200);
    owner.request().post("/work-orders/" + workOrder + "/repair-order").then().statusCode(200);
    Response issued = owner.request().post("/work-orders/" + workOrder + "/invoice");
    issued.then().statusCode(201);
    invoice = issued.path("id");
    assertThat(issued.header("Invoice-Mailed")).isEqualTo("true");
    payment = owner.request().header("Idempotency-Key", "doc-" + UUID.randomUUID()).body(Map.of("amount", "200.00",
        "method", "CARD", "reference", "VISA 4242")).post("/invoices/" + invoice + "/payments").then()
        .statusCode(201).extract().path("id");
    creditNote = owner.request().header("Idempotency-Key", "doc-" + UUID.randomUUID()).body(Map.of("reason",
        "Goodwill for the wait", "amount", "10.00")).post("/invoices/" + invoice + "/credit-notes").then()
        .statusCode(201).extract().path("id");
  }

  static Map<String, Object> settings(String language, boolean mailInvoices) {
    Map<String, Object> s = new HashMap<>();
    s.put("legalName", "Main Street Auto LLC");
    s.put("email", "service@mainstreet-auto.example");
    s.put("website", "www.mainstreet-auto.example");
    s.put("registrationNumbers", List.of(Map.of("label", "Automotive Repair Dealer", "value", "ARD 123456"),
        Map.of("label", "Seller's permit", "value", "SR-EA-100-200")));
    s.put("accentColor", "#0b6e4f");
    s.put("invoiceFooter", "Thank you for trusting us with your car.");
    s.put("warrantyText", "12 months or 12,000 miles on parts and labor.");
    s.put("paymentTerms", "Due on receipt.");
    s.put("language", language);
    s.put("emailInvoices", mailInvoices);
    return s;
  }

  private static Map<String, Object> line(Map<String, Object> line, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(line);
    copy.put(key, value);
    return copy;
  }

  private static byte[] pdf(Api.Tenant who, String path) {
    Response r = who.request().accept("application/pdf").get(path);
    r.then().statusCode(200).contentType("application/pdf");
    return r.asByteArray();
  }

  @Test
  void theInvoiceCarriesEverythingTheTradesRulesAskForInEnglishAndSpanish() throws Exception {
    byte[] en = pdf(owner, "/invoices/" + invoice + "/pdf");
    Pdfs.assertPdfA2b(en, "invoice");
    Pdfs.picture(en, "invoice");
    String text = Pdfs.text(en);
    assertThat(text).contains("Invoice", "INV-", "WO-000001", "Main Street Auto", "Main Street Auto LLC",
        "1200 Main Street", "Sacramento, CA 95814", "+1 916 555 0142", "service@mainstreet-auto.example",
        "Automotive Repair Dealer: ARD 123456", "Carla Driver", "42 Elm Street", "+1 916 555 0199",
        "2022 Ford F-150", vin, "8ABC123", "45,120", "45,131", "Grinding noise when braking",
        "Front pads worn to the backing plate", "Replaced front pads and rotors", "BP-1234", "RT-5678",
        "Condition: new", "Condition: remanufactured", "Technician: Tess Técnica", "1.5 h", "$120.00", "$180.00",
        "$59.90", "$179.90", "Sales tax (10.25%)", "$24.58", "$444.38", "Card", "VISA 4242", "$200.00",
        "Credited", "-$10.59", "Balance due", "$233.79", "12 months or 12,000 miles", "Due on receipt",
        "Invoice INV-").contains("Page 1 of 1");
    String es = Pdfs.text(pdf(owner, "/invoices/" + invoice + "/pdf?lang=es"));
    assertThat(es).contains("Factura", "Orden de trabajo", "Cliente", "Vehículo", "Matrícula 8ABC123",
        "Kilometraje de entrada", "Síntoma", "Causa", "Corrección", "Técnico: Tess Técnica", "Estado: nueva",
        "Tarjeta", "Saldo pendiente", "Garantía:", "Página 1 de 1", "$444.38");
  }

  @Test
  void everyDocumentKindIsPdfAAndShowsItsOwnContent() throws Exception {
    byte[] estimate = pdf(owner, "/work-orders/" + workOrder + "/estimate/pdf");
    byte[] repairOrder = pdf(owner, "/work-orders/" + workOrder + "/repair-order/pdf");
    byte[] credit = pdf(owner, "/invoices/" + invoice + "/credit-notes/" + creditNote + "/pdf");
    byte[] receipt = pdf(owner, "/invoices/" + invoice + "/payments/" + payment + "/pdf");
    // once answered, the link shows nothing of the estimate, its PDF included (issue 15.10)
    Api.anonymous().accept("application/pdf, application/problem+json").get(approvalLink + "/pdf").then()
        .statusCode(409).contentType("application/problem+json");
    Map<String, byte[]> all = Map.of("estimate", estimate, "repair-order", repairOrder, "credit-note", credit,
        "receipt", receipt, "estimate-from-link", customerCopy);
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      Pdfs.assertPdfA2b(e.getValue(), e.getKey());
      Pdfs.picture(e.getValue(), e.getKey());
    }
    assertThat(Pdfs.text(estimate)).contains("Estimate", "WO-000001", "Approved by Carla Driver",
        "through the approval link", "$444.38", "BP-1234");
    assertThat(Pdfs.text(customerCopy)).contains("Estimate", "WO-000001", "Carla Driver");
    assertThat(Pdfs.text(repairOrder)).contains("Repair order", "Technician’s copy", "Front brakes",
        "Rear brakes", "4 mm left", "BP-1234", "Tess Técnica").doesNotContain("$59.90", "$444.38");
    assertThat(Pdfs.text(credit)).contains("Credit note", "CN-", "Goodwill for the wait", "Total credited");
    assertThat(Pdfs.text(receipt)).contains("Payment receipt", "This payment", "$200.00", "VISA 4242",
        "Balance due");
    assertThat(Pdfs.text(pdf(owner, "/work-orders/" + workOrder + "/estimate/pdf?lang=es-MX")))
        .contains("Presupuesto", "Aprobado por Carla Driver");
  }

  @Test
  void aTechnicianGetsTheRepairOrderWithoutPricesOrContactAndNeverTheInvoice() throws Exception {
    String text = Pdfs.text(pdf(technician, "/work-orders/" + workOrder + "/repair-order/pdf"));
    assertThat(text).contains("Repair order", "Carla Driver", "2022 Ford F-150")
        .doesNotContain("+1 916 555 0199", "42 Elm Street", CARLA, "$");
    technician.request().get("/invoices/" + invoice + "/pdf").then().statusCode(403)
        .contentType("application/problem+json");
    technician.request().get("/work-orders/" + workOrder + "/estimate/pdf").then().statusCode(403);
  }

  @Test
  void badLanguagesAndUnknownIdsAreClearProblems() {
    owner.request().get("/invoices/" + invoice + "/pdf?lang=xx-%3Cscript%3E").then().statusCode(400)
        .contentType("application/problem+json");
    owner.request().get("/invoices/" + invoice + "/pdf?lang=fr").then().statusCode(400);
    owner.request().get("/invoices/" + UUID.randomUUID() + "/pdf").then().statusCode(404);
    owner.request().get("/invoices/" + invoice + "/payments/" + UUID.randomUUID() + "/pdf").then().statusCode(404);
    Api.newOrganization("documents-other").request().get("/invoices/" + invoice + "/pdf").then().statusCode(404);
  }

  @Test
  void fortyLinesNumberEveryPageAndRepeatTheDocumentNumber() throws Exception {
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    for (int i = 1; i <= 40; i++) {
      owner.request().body(i % 2 == 0 ? Shop.labor("Labor step " + i, "0.5", null)
          : line(Shop.part("Part " + i, "1", "1.00", "2.00"), "condition", "USED")).post("/work-orders/" + id
          + "/lines").then().statusCode(201);
    }
    String invoiceId = shop.invoiced(id);
    String number = owner.request().get("/invoices/" + invoiceId).path("number");
    byte[] pdf = pdf(owner, "/invoices/" + invoiceId + "/pdf");
    Pdfs.picture(pdf, "invoice-40-lines");
    List<String> pages = Pdfs.pages(pdf);
    assertThat(pages.size()).isGreaterThanOrEqualTo(2);
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i)).contains("Invoice " + number + " · Page " + (i + 1) + " of " + pages.size());
    }
    assertThat(pages.get(pages.size() - 1)).contains("Balance due");
  }

  @Test
  void aShopWithoutOptionalSettingsGetsACleanInvoiceAndNamesPrintAsText() throws Exception {
    Api.Tenant bare = Api.newOrganization("documents-bare");
    String name = "<b>Bob</b> & \"Eve\"";
    String customer = bare.request().body(Map.of("firstName", name, "lastName", "=HYPERLINK(\"http://x\")"))
        .post("/customers").then().statusCode(201).extract().path("id");
    Shop shop = new Shop(bare);
    String id = shop.estimateFor(customer, shop.vehicleOf(customer));
    shop.addLines(id, List.of(Shop.priced("FEE", "Diagnosis", "95.00")));
    Response issued = bare.request().post("/work-orders/" + id + "/repair-order");
    issued.then().statusCode(200);
    Response invoiced = bare.request().post("/work-orders/" + id + "/invoice");
    invoiced.then().statusCode(201).header("Invoice-Mailed", "false");
    byte[] pdf = pdf(bare, "/invoices/" + invoiced.path("id") + "/pdf");
    Pdfs.assertPdfA2b(pdf, "bare invoice");
    Pdfs.picture(pdf, "invoice-bare-shop");
    String text = Pdfs.text(pdf);
    assertThat(text).contains(name + " =HYPERLINK(\"http://x\")", "$95.00")
        .doesNotContain("Phone", "Plate", "Mileage out", "Cause", "Correction", "Warranty:", "Payment terms:",
            "Payments", "null");
  }

  @Test
  void theIssuedInvoiceIsMailedWithItsPdfAndTheApprovalMailLinksTheAppsPage() throws Exception {
    MimeMessage invoiceMail = null;
    MimeMessage approvalMail = null;
    // both leave through the outbox after their requests committed
    for (MimeMessage m : Mails.awaitTo(MAIL::getReceivedMessages, CARLA, 2)) {
      if (m.getSubject().contains("invoice INV-")) {
        invoiceMail = m;
      } else if (m.getSubject().contains("ready for your approval")) {
        approvalMail = m;
      }
    }
    assertThat(invoiceMail).as("the invoice mail").isNotNull();
    assertThat(invoiceMail.getAllRecipients()[0].toString()).isEqualTo(CARLA);
    assertThat(Mails.text(invoiceMail)).contains("Hello Carla,", "Main Street Auto", "$444.38", "Due on receipt",
        "+1 916 555 0142", "1200 Main Street");
    assertThat(Mails.html(invoiceMail)).contains("cid:logo", "Hello Carla,");
    List<BodyPart> attached = Mails.attachments(invoiceMail);
    assertThat(attached).hasSize(1);
    assertThat(attached.get(0).getFileName()).startsWith("INV-").endsWith(".pdf");
    assertThat(Pdfs.text(attached.get(0).getInputStream().readAllBytes())).contains("Carla Driver", "BP-1234");

    assertThat(approvalMail).as("the approval mail").isNotNull();
    String text = Mails.text(approvalMail);
    assertThat(text).contains("Hello Carla,", "2022 Ford F-150", "WO-000001", "$444.38", "Main Street Auto",
        "Pacific");
    assertThat(Pattern.compile("https?://[^/\\s]+/approvals/[A-Za-z0-9_.-]+").matcher(text).find()).isTrue();
    assertThat(text).doesNotContain("/api/v1/");
    assertThat(Mails.html(approvalMail)).contains("href=\"http", "/approvals/", "cid:logo");
    for (MimeMessage m : List.of(invoiceMail, approvalMail)) {
      assertThat(ISO_TIMESTAMP.matcher(Mails.text(m) + Mails.html(m)).find()).as(m.getSubject()).isFalse();
    }
  }

  @Test
  void aCustomerWhoReadsSpanishGetsSpanishDocumentsAndMails() throws Exception {
    String customer = owner.request().body(Map.of("firstName", "Lucía", "lastName", "Núñez", "email",
            "lucia.nunez@example.com", "preferredLanguage", "es")).post("/customers").then().statusCode(201)
        .body("preferredLanguage", equalTo("es")).extract().path("id");
    Shop shop = new Shop(owner);
    String id = shop.estimateFor(customer, shop.vehicleOf(customer));
    shop.addLines(id, List.of(Shop.labor("Cambio de aceite", "0.5", null)));
    String invoiceId = shop.invoiced(id);
    assertThat(Pdfs.text(pdf(owner, "/invoices/" + invoiceId + "/pdf"))).contains("Factura", "Lucía Núñez",
        "Cambio de aceite");
    assertThat(Pdfs.text(pdf(owner, "/invoices/" + invoiceId + "/pdf?lang=en"))).contains("Invoice");
    MimeMessage mail = Mails.latestTo(MAIL::getReceivedMessages, "lucia.nunez@example.com");
    assertThat(mail.getSubject()).contains("factura");
    assertThat(Mails.text(mail)).contains("Hola, Lucía:", "Gracias");
  }

  @Test
  void logosAreCheckedBeforeTheyAreStored() {
    String shopId = owner.shopId();
    owner.request().contentType("image/svg+xml").body(("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>"
        + "alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)).put("/shops/" + shopId + "/logo").then()
        .statusCode(422).contentType("application/problem+json");
    owner.request().contentType("image/svg+xml").body(("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8))
        .put("/shops/" + shopId + "/logo").then().statusCode(422);
    owner.request().contentType("image/svg+xml").body(("<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"http://evil.example/x.png\"/></svg>")
        .getBytes(StandardCharsets.UTF_8)).put("/shops/" + shopId + "/logo").then().statusCode(422);
    owner.request().contentType("image/png").body(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3})
        .put("/shops/" + shopId + "/logo").then().statusCode(422);
    owner.request().contentType("image/png").body(new byte[600 * 1024]).put("/shops/" + shopId + "/logo").then()
        .statusCode(413);
    owner.request().contentType("text/plain").body("hello").put("/shops/" + shopId + "/logo").then()
        .statusCode(415);
    owner.request().get("/shops/" + shopId + "/logo").then().statusCode(200).contentType("image/svg+xml");
  }
}
