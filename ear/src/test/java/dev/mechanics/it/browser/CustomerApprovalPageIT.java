package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer's approval page (issue 13.7), opened from the mailed link on a phone: approve two lines, decline
 * one, sign, confirmation; the answers are the API's. A link that cannot be used shows why and who to call,
 * never the estimate.
 */
class CustomerApprovalPageIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/approvals/[A-Za-z0-9_.-]+");

  private static String estimateWithThreeLines(Api.Tenant advisor) {
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Replace brake pads", "1.5", "110.00"),
        Shop.part("Brake pads", "1", "25.00", "59.90"), Shop.priced("FEE", "Cabin filter (recommended)", "35.00")));
    return id;
  }

  private static String mailedLink(String email) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      MimeMessage[] received = MAIL.getReceivedMessages();
      for (int i = received.length - 1; i >= 0; i--) {
        if (received[i].getAllRecipients()[0].toString().equals(email)) {
          Matcher link = LINK.matcher(Mails.text(received[i]));
          assertThat(link.find()).as("the mail carries the approval page's link").isTrue();
          Api.rememberSecret("approval link", link.group().substring(link.group().lastIndexOf('/') + 1));
          return link.group();
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no approval link mailed to " + email);
  }

  @Test
  void theCustomerApprovesTwoLinesDeclinesOneAndSignsOnAPhone() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    // what the technician found: a note and a photo that justify the brake work
    advisor.request().body(Map.of("items", List.of(Map.of("name", "Front brake pads", "condition", "RED",
        "notes", "2 mm left on the inner pad"), Map.of("name", "Tires", "condition", "GREEN"))))
        .put("/work-orders/" + id + "/inspection").then().statusCode(200);
    advisor.request().contentType("image/jpeg").queryParam("name", "front-pads.jpg").body(BayIT.jpeg())
        .post("/work-orders/" + id + "/attachments").then().statusCode(201);
    String email = "carla.phone@example.com";
    advisor.request().body(Map.of("email", email)).post("/work-orders/" + id + "/approval-link").then()
        .statusCode(201);
    String link = mailedLink(email);
    assertThat(link).doesNotContain("/api/");

    try (Browser browser = new Browser(Api.baseUrl(), "approval", Browser.Size.PHONE)) {
      browser.driver().get(link);
      PageText.waitFor(browser, "Cabin filter (recommended)");
      assertThat(PageText.of(browser)).contains("Downtown", "+1 312 555 0100", "2017 Toyota Corolla",
          "Replace brake pads", "Brake pads", "Front brake pads", "Urgent", "2 mm left on the inner pad")
          .doesNotContain("25.00");
      browser.waitFor(() -> Boolean.TRUE.equals(browser.js("const img = arguments[0]; return img.complete "
          + "&& img.naturalWidth > 0", browser.deep("img[alt^='Inspection photo 1']"))) ? Boolean.TRUE : null,
          "the inspection photo to load without sign-in");
      browser.check("estimate");

      browser.deepAll("input[value='approve']").get(0).click();
      browser.deepAll("input[value='approve']").get(1).click();
      browser.deepAll("input[value='decline']").get(2).click();
      // the totals follow the choices: 1.5 h × 110.00 + 59.90 approved, 35.00 declined
      browser.waitFor(() -> browser.deep("[data-total='approved']").getText().contains("224.90") ? Boolean.TRUE
          : null, "the approved total");
      assertThat(browser.deep("[data-total='declined']").getText()).contains("35.00");

      browser.click("button[type=submit]");
      PageText.waitFor(browser, "Type your full name to sign.");
      browser.type("#approver-name", "Carla Driver");
      browser.screenshot("estimate-answered");
      browser.click("button[type=submit]");
      PageText.waitFor(browser, "Thank you, Carla Driver");
      PageText.waitFor(browser, "2 approved");
      browser.check("confirmation");
    }

    JsonPath answers = advisor.request().get("/work-orders/" + id + "/approvals").then().statusCode(200)
        .extract().jsonPath();
    assertThat(answers.getList("items.decision")).containsExactlyInAnyOrder("APPROVED", "APPROVED", "DECLINED");
    assertThat(answers.getList("items.approverName")).containsOnly("Carla Driver");
    assertThat(answers.getList("items.method")).containsOnly("LINK");
    JsonPath order = advisor.request().get("/work-orders/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(order.getList("lines.approval")).containsExactly("APPROVED", "APPROVED", "DECLINED");
  }

  @Test
  void anExpiredOrTamperedLinkShowsAClearPageWithTheShopsPhoneAndNoEstimate() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String id = estimateWithThreeLines(advisor);
    String page = advisor.request().body(Map.of()).post("/work-orders/" + id + "/approval-link").then()
        .statusCode(201).extract().path("pageUrl");
    String path = page.substring(page.indexOf("/approvals/"));
    Api.rememberSecret("approval link", path.substring(path.lastIndexOf('/') + 1));
    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update approval_links set expires_at = now() - interval '1 minute' "
          + "where work_order_id = '" + id + "'");
    }
    String tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");

    for (Browser.Size size : Browser.Size.values()) {
      try (Browser browser = new Browser(Api.baseUrl(), "approval", size)) {
        browser.open(path);
        PageText.waitFor(browser, "This link has expired");
        assertThat(PageText.of(browser)).contains("Downtown", "+1 312 555 0100")
            .doesNotContain("Replace brake pads", "Brake pads", "259.90", "Approve");
        browser.deep("a[href='tel:+13125550100']");
        browser.assertNoConsoleErrors("expired", "status of 410");
        browser.check("expired");

        browser.open(tampered);
        PageText.waitFor(browser, "This link does not work");
        assertThat(PageText.of(browser)).doesNotContain("Replace brake pads", "259.90", "Approve", "Downtown");
        browser.assertNoConsoleErrors("tampered", "status of 404");
        browser.check("tampered");
      }
    }
  }
}
