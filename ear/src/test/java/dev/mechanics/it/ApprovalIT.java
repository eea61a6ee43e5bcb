package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApprovalIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** The mail links the app's approval page (the same path under /api/v1 is the API's JSON of it). */
  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/approvals/([A-Za-z0-9_.-]+)");

  private static String pathOf(String url) {
    Api.rememberSecret("approval link", url.substring(url.lastIndexOf('/') + 1));
    return url.substring(url.indexOf("/approvals/"));
  }

  private static String estimateWithThreeLines(Api.Tenant advisor) {
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Replace brake pads", "1.5", "110.00"),
        Shop.part("Brake pads", "1", "25.00", "59.90"), Shop.priced("FEE", "Cabin filter (recommended)", "35.00")));
    return id;
  }

  @Test
  void theCustomerApprovesSomeLinesFromTheMailedLinkAndTheRecordProvesWhatWasShown() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    // an address of its own: other test classes mail carla.driver@ too, and the latest mail may be theirs
    String carla = "carla.approves@example.com";
    advisor.request().body(Map.of("email", carla))
        .post("/work-orders/" + id + "/approval-link")
        .then().statusCode(201).body("emailSent", equalTo(true)).body("expiresAt", notNullValue());

    MimeMessage mail = Mails.latestTo(MAIL::getReceivedMessages, carla);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(carla);
    Matcher link = LINK.matcher(Mails.text(mail));
    assertThat(link.find()).as("the mail carries the approval link").isTrue();
    String url = pathOf(link.group());

    Response shown = Api.anonymous().get(url);
    shown.then().statusCode(200).body("lines", hasSize(3)).body("totals.total", equalTo("259.90"))
        .body("lines[0]", not(hasKey("unitCost")))
        .body("totals", not(hasKey("cost")));
    List<String> lines = shown.path("lines.id");
    String hash = shown.path("documentHash");

    // the test plays the trusted proxy: the recorded address is the client's, not the proxy's
    Api.anonymous().header("User-Agent", "phone").header("X-Forwarded-For", "203.0.113.77")
        .body(Map.of("approverName", "Carla Driver", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", lines.get(0), "approved", true),
                Map.of("lineId", lines.get(1), "approved", true), Map.of("lineId", lines.get(2), "approved", false))))
        .post(url).then().statusCode(200).body("approved", equalTo(2)).body("declined", equalTo(1));

    advisor.request().get("/work-orders/" + id).then()
        .body("lines.approval", contains("APPROVED", "APPROVED", "DECLINED"))
        .body("totals.subtotal", equalTo("224.90"));
    advisor.request().get("/work-orders/" + id + "/approvals").then().statusCode(200)
        .body("items", hasSize(3)).body("items.method", hasItem("LINK"))
        .body("items[0].approverName", equalTo("Carla Driver")).body("items[0].documentHash", equalTo(hash))
        .body("items[0].clientAddress", equalTo("203.0.113.77")).body("items[0].decidedAt", notNullValue());

    // each decision is a row of the audit chain, in the same transaction; the approver's name is masked
    Api.Tenant owner = Api.demoAs("OWNER");
    Response trail = owner.request().queryParam("entityId", id).queryParam("limit", 200).get("/audit");
    trail.then().statusCode(200);
    List<Map<String, Object>> decided = trail.jsonPath().<Map<String, Object>>getList("items").stream()
        .filter(r -> r.get("action").toString().matches("work-order\\.line-(approved|declined)")).toList();
    assertThat(decided).extracting(r -> r.get("action")).containsExactlyInAnyOrder("work-order.line-approved",
        "work-order.line-approved", "work-order.line-declined");
    assertThat(decided).allSatisfy(r -> {
      assertThat((String) r.get("after")).contains("\"method\":\"LINK\"", "\"approverName\":\"C***\"",
          "\"documentHash\":\"" + hash + "\"");
      assertThat((String) r.get("before")).contains("\"approval\":\"PENDING\"");
      assertThat(r.get("actorId")).as("the customer is no staff member").isNull();
    });
    assertThat(trail.asString()).doesNotContain("Carla Driver");
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));

    Api.anonymous().body(Map.of("approverName", "Carla Driver", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", lines.get(2), "approved", true))))
        .post(url).then().statusCode(409).contentType("application/problem+json");
  }

  @Test
  void tamperedExpiredForeignAndStaleAnswersAreRefusedAndNothingIsWritten() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    String other = estimateWithThreeLines(advisor);
    String url = pathOf(advisor.request().body(Map.of()).post("/work-orders/" + id + "/approval-link")
        .then().statusCode(201).body("emailSent", equalTo(false)).extract().path("url"));
    Response shown = Api.anonymous().get(url);
    String hash = shown.path("documentHash");
    String line = shown.path("lines[0].id");
    String foreignLine = advisor.request().get("/work-orders/" + other).path("lines[0].id");

    String tampered = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
    Api.anonymous().get(tampered).then().statusCode(404).contentType("application/problem+json");
    Api.anonymous().get("/approvals/not-a-token").then().statusCode(404);

    Api.anonymous().body(Map.of("approverName", "Mallory", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", foreignLine, "approved", true))))
        .post(url).then().statusCode(422).body("errors.field", hasItem("decisions"));
    Api.anonymous().body(Map.of("approverName", "Carla", "documentHash", "0".repeat(64),
            "decisions", List.of(Map.of("lineId", line, "approved", true))))
        .post(url).then().statusCode(409);
    Api.anonymous().body(Map.of("approverName", "Carla", "documentHash", hash, "decisions", List.of()))
        .post(url).then().statusCode(400);
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*) from line_decisions where work_order_id in ('" + id + "', '" + other + "')")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    advisor.request().get("/work-orders/" + other).then().body("lines.approval", hasItem("PENDING"))
        .body("lines.approval", org.hamcrest.Matchers.not(hasItem("APPROVED")));

    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update approval_links set expires_at = now() - interval '1 minute' "
          + "where work_order_id = '" + id + "'");
    }
    Api.anonymous().body(Map.of("approverName", "Carla", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", true))))
        .post(url).then().statusCode(410).contentType("application/problem+json");
  }

  @Test
  void aLineChangedAfterApprovalNeedsApprovalAgainAndPhoneAnswersAreRecorded() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    Response wo = advisor.request().get("/work-orders/" + id);
    String hash = advisor.request().get("/work-orders/" + id + "/approvals").path("documentHash");
    String line = wo.path("lines[0].id");
    advisor.request().body(Map.of("approverName", "Carla on the phone", "method", "PHONE", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", true))))
        .post("/work-orders/" + id + "/approvals").then().statusCode(200)
        .body("lines[0].approval", equalTo("APPROVED"));
    String etag = advisor.request().get("/work-orders/" + id).header("ETag");
    advisor.request().header("If-Match", etag).body(Shop.labor("Replace brake pads and hardware", "2", "110.00"))
        .put("/work-orders/" + id + "/lines/" + line).then().statusCode(200)
        .body("lines[0].approval", equalTo("PENDING"));
    advisor.request().get("/work-orders/" + id + "/approvals").then().body("items[0].method", equalTo("PHONE"))
        .body("items[0].recordedBy", notNullValue());
  }

  @Test
  void declinedWorkIsRecommendedTheNextTimeTheVehicleComesIn() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    String customer = advisor.createCustomer("Rex", "Return");
    String vehicle = shop.vehicleOf(customer);
    String first = shop.estimateFor(customer, vehicle);
    shop.addLines(first, List.of(Shop.priced("FEE", "Replace wiper blades", "29.00")));
    String hash = advisor.request().get("/work-orders/" + first + "/approvals").path("documentHash");
    String line = advisor.request().get("/work-orders/" + first).path("lines[0].id");
    advisor.request().body(Map.of("approverName", "Rex", "method", "IN_PERSON", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", false))))
        .post("/work-orders/" + first + "/approvals").then().statusCode(200);
    String next = shop.estimateFor(customer, vehicle);
    advisor.request().get("/work-orders/" + next + "/recommendations").then().statusCode(200)
        .body("items.description", contains("Replace wiper blades"));
  }

  /**
   * Issue 15.10: once answered or expired, the link shows nothing of the estimate; its problem says which it is
   * (a page tells the customer) and who to call. A tampered link names nothing and no shop.
   */
  @Test
  void aUsedOrExpiredLinkShowsNoEstimateButSaysWhyAndWhoToCall() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String used = estimateWithThreeLines(advisor);
    String usedUrl = pathOf(advisor.request().body(Map.of()).post("/work-orders/" + used + "/approval-link")
        .then().statusCode(201).extract().path("url"));
    Response shown = Api.anonymous().get(usedUrl);
    String hash = shown.path("documentHash");
    String line = shown.path("lines[0].id");
    Api.anonymous().body(Map.of("approverName", "Carla", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", true))))
        .post(usedUrl).then().statusCode(200);
    Response again = Api.anonymous().get(usedUrl);
    again.then().statusCode(409).contentType("application/problem+json")
        .body("type", equalTo("https://mechanics.dev/problems/approval-link-used"))
        .body("shop.name", equalTo("Downtown")).body("shop.phone", equalTo("+1 312 555 0100"));
    assertThat(again.asString()).doesNotContain("Brake pads", "documentHash", "259.90");

    String expired = estimateWithThreeLines(advisor);
    String expiredUrl = pathOf(advisor.request().body(Map.of()).post("/work-orders/" + expired
        + "/approval-link").then().statusCode(201).extract().path("url"));
    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update approval_links set expires_at = now() - interval '1 minute' "
          + "where work_order_id = '" + expired + "'");
    }
    Response late = Api.anonymous().get(expiredUrl);
    late.then().statusCode(410).contentType("application/problem+json")
        .body("type", equalTo("https://mechanics.dev/problems/approval-link-expired"))
        .body("shop.phone", equalTo("+1 312 555 0100"));
    assertThat(late.asString()).doesNotContain("Brake pads", "documentHash");

    String tampered = expiredUrl.substring(0, expiredUrl.length() - 2) + (expiredUrl.endsWith("A") ? "BB" : "AA");
    Api.anonymous().get(tampered).then().statusCode(404)
        .body("type", equalTo("https://mechanics.dev/problems/approval-link-invalid"))
        .body("$", not(hasKey("shop")));
  }

  /** Issue 15.8: the mailed link is on the public address, whatever Host the request came with. */
  @Test
  void theLinkIsOnThePublicAddressNotOnTheRequestsHost() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    String url = advisor.request().header("Host", "mechanics-prod.azurewebsites.net")
        .header("X-Forwarded-Host", "evil.example.com").header("X-Forwarded-Proto", "http")
        .body(Map.of("email", "carla.public-link@example.com")).post("/work-orders/" + id + "/approval-link")
        .then().statusCode(201).extract().path("url");
    assertThat(url).startsWith(Api.baseUrl() + "/api/v1/approvals/");
    // an address of its own: other test classes mail carla.driver@ too, and the latest mail may be theirs
    String mailed = Mails.text(Mails.latestTo(MAIL::getReceivedMessages, "carla.public-link@example.com"));
    // the mail links the app's approval page on the public address (the API's URL carries the same token)
    assertThat(mailed).contains(Api.baseUrl() + url.substring(url.indexOf("/approvals/")))
        .doesNotContain("azurewebsites", "evil.example.com");
    pathOf(url);
  }

  /** Issue 15.10: a technician's recommendations hold only what was declined on work assigned to them. */
  @Test
  void aTechnicianSeesOnlyDeclinedWorkOfJobsAssignedToThem() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    String techId = Shop.userIdOf(technician);
    Shop shop = new Shop(advisor);
    String customer = advisor.createCustomer("Rita", "Repeat");
    String vehicle = shop.vehicleOf(customer);
    String theirs = declinedVisit(advisor, shop, customer, vehicle, "Replace cabin filter");
    shop.assign(theirs, techId);
    declinedVisit(advisor, shop, customer, vehicle, "Flush brake fluid (not their job)");
    String next = shop.estimateFor(customer, vehicle);
    advisor.request().get("/work-orders/" + next + "/recommendations").then().statusCode(200)
        .body("items.description", containsInAnyOrder("Replace cabin filter",
            "Flush brake fluid (not their job)"));
    technician.request().get("/work-orders/" + next + "/recommendations").then().statusCode(404);
    shop.assign(next, techId);
    technician.request().get("/work-orders/" + next + "/recommendations").then().statusCode(200)
        .body("items.description", contains("Replace cabin filter"))
        .body("items[0]", not(hasKey("unitCost")));
  }

  private static String declinedVisit(Api.Tenant advisor, Shop shop, String customer, String vehicle, String work) {
    String visit = shop.estimateFor(customer, vehicle);
    shop.addLines(visit, List.of(Shop.priced("FEE", work, "49.00")));
    String hash = advisor.request().get("/work-orders/" + visit + "/approvals").path("documentHash");
    String line = advisor.request().get("/work-orders/" + visit).path("lines[0].id");
    advisor.request().body(Map.of("approverName", "Rita", "method", "IN_PERSON", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", false))))
        .post("/work-orders/" + visit + "/approvals").then().statusCode(200);
    return visit;
  }
}
