package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
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

  private static final Pattern LINK = Pattern.compile("https?://\\S+/api/v1/approvals/([A-Za-z0-9_.-]+)");

  private static String pathOf(String url) {
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
    advisor.request().body(Map.of("email", "carla.driver@example.com")).post("/work-orders/" + id + "/approval-link")
        .then().statusCode(201).body("emailSent", equalTo(true)).body("expiresAt", notNullValue());

    assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = MAIL.getReceivedMessages()[MAIL.getReceivedMessages().length - 1];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("carla.driver@example.com");
    Matcher link = LINK.matcher(mail.getContent().toString());
    assertThat(link.find()).as("the mail carries the approval link").isTrue();
    String url = pathOf(link.group());

    Response shown = Api.anonymous().get(url);
    shown.then().statusCode(200).body("lines", hasSize(3)).body("totals.total", equalTo("259.90"))
        .body("lines[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("unitCost")))
        .body("totals", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("cost")));
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
}
