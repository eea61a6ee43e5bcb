package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.it.support.Vins;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The service desk in Chromium (issue 13.1-13.5): sign-in, a new customer, vehicle and work order, lines, the
 * approval link by mail; a save over someone else's change (412); a customer name that is HTML; a double click
 * on "Record payment". Every screen is checked at desktop and phone size (screenshot, axe, console).
 */
class DeskIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final String XSS = "<img src=x onerror=\"window.xssRan=1\">";

  @Test
  void theAdvisorOpensAWorkOrderForANewCustomerAddsLinesAndMailsTheApprovalLink() throws Exception {
    String email = "desk-" + System.nanoTime() + "@example.com";
    try (Browser browser = new Browser(Api.baseUrl(), "desk", Browser.Size.DESKTOP)) {
      browser.open("/work-orders/new");
      browser.deep("#email");
      browser.check("sign-in");
      browser.signIn("/work-orders/new", "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
      browser.deep("#customer-search");
      browser.check("new-work-order");

      browser.clickText("button", "New customer");
      browser.type("#firstName", XSS);
      browser.type("#lastName", "Driver");
      browser.type("#email", email);
      String vin = Vins.random();
      // a wrong check digit is named as it is typed, with the server's words
      String wrong = vin.substring(0, 8) + (vin.charAt(8) == '1' ? '2' : '1') + vin.substring(9);
      browser.type("#vin", wrong);
      browser.waitForText("check digit (9th character) does not match");
      browser.check("new-work-order-vin");
      browser.type("#vin", vin);
      browser.waitForText("Valid VIN");
      browser.type("#year", "2017");
      browser.type("#make", "Toyota");
      browser.type("#model", "Corolla");
      browser.type("#mileageIn", "120500");
      browser.type("#complaint", "Grinding noise when braking");
      browser.clickText("button", "Open work order");
      browser.deep("work-order-lines");
      assertThat(browser.path()).startsWith("/work-orders/").isNotEqualTo("/work-orders/new");

      // the name is shown as the characters typed; the markup never ran
      browser.waitForText(XSS);
      assertThat(browser.js("return window.xssRan === undefined")).isEqualTo(true);
      assertThat(browser.deepAll("img")).isEmpty();

      browser.type("#line-description", "Replace front brake pads");
      browser.type("#line-hours", "1.5");
      browser.clickText("button", "Add line");
      browser.waitForText("Replace front brake pads");
      new Select(browser.deep("#line-type")).selectByValue("PART");
      browser.deep("#line-quantity");
      browser.type("#line-description", "Brake pads (front)");
      browser.type("#line-quantity", "1");
      browser.type("#line-price", "59.90");
      browser.type("#line-cost", "25.00");
      browser.clickText("button", "Add line");
      browser.waitForText("Brake pads (front)");
      browser.check("work-order");

      browser.clickText("button", "Send approval link");
      browser.waitForText("Link sent to " + email);
      MimeMessage mail = mailTo(email);
      String text = Mails.text(mail);
      assertThat(text).containsPattern("https?://[^/\\s]+/approvals/[A-Za-z0-9_.-]+");
      Api.rememberSecret("approval link", text.replaceAll("(?s).*?/approvals/([A-Za-z0-9_.-]+).*", "$1"));
      browser.check("work-order-link-sent");
    }
  }

  @Test
  void everyDeskScreenWorksOnAPhone() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Diagnose the noise", "0.5", "120.00")));
    try (Browser browser = new Browser(Api.baseUrl(), "desk", Browser.Size.PHONE)) {
      browser.open("/board");
      browser.deep("#email");
      browser.check("sign-in");
      browser.signIn("/board", "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
      browser.deep("section.column");
      browser.check("board");
      browser.open("/work-orders/new");
      browser.deep("#customer-search");
      browser.check("new-work-order");
      browser.open("/work-orders/" + id);
      browser.waitForText("Diagnose the noise");
      browser.check("work-order");
      assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
          .as("nothing wider than the phone").isLessThanOrEqualTo(390L);
    }
  }

  @Test
  void aSaveOverSomeoneElsesChangeSaysSoAndOffersAReload() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Replace wiper blades", "0.3", "120.00")));
    try (Browser browser = new Browser(Api.baseUrl(), "conflict", Browser.Size.DESKTOP)) {
      // no live updates here: the page must keep the version it read
      browser.block("*/events");
      browser.signIn("/work-orders/" + id, "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
      browser.waitForText("Replace wiper blades");
      browser.deepWithText("button", "Edit").click();

      // someone else changes the work order after the page read it
      Response current = advisor.request().get("/work-orders/" + id);
      advisor.request().header("If-Match", current.header("ETag"))
          .body(Map.of("mileageIn", 130000, "complaint", "Changed at the counter")).put("/work-orders/" + id)
          .then().statusCode(200);

      browser.type("#line-description", "Replace wiper blades and washer fluid");
      browser.clickText("button", "Save line");
      browser.waitForText("Changed by someone else.");
      browser.screenshot("work-order-412");
      browser.assertNoConsoleErrors("work-order-412", "412", "ERR_BLOCKED_BY_CLIENT");
      // nothing was overwritten
      assertThat(advisor.request().get("/work-orders/" + id).<String>path("lines[0].description"))
          .isEqualTo("Replace wiper blades");

      browser.clickText("button", "Reload");
      browser.waitForText("Changed at the counter");
      assertThat(browser.deepText()).doesNotContain("Changed by someone else.");
    }
  }

  @Test
  void aDoubleClickOnRecordPaymentChargesOnce() {
    Api.Tenant manager = Api.demoAs("MANAGER");
    Shop shop = new Shop(manager);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Brake fluid flush", "1", "100.00")));
    String invoice = shop.invoiced(id);
    String balance = manager.request().get("/invoices/" + invoice).path("balanceDue");
    try (Browser browser = new Browser(Api.baseUrl(), "payment", Browser.Size.DESKTOP)) {
      browser.signIn("/work-orders/" + id, "manager@demo.mechanics.dev", Api.DEMO_PASSWORD);
      browser.deep("#record-payment");
      browser.check("work-order-invoiced");
      new Actions(browser.driver()).doubleClick(browser.deep("#record-payment")).perform();
      browser.waitForText("Payment of");
      browser.waitFor(() -> browser.deepAll("#payments li").size() == 1 ? Boolean.TRUE : null, "one payment shown");
      browser.check("work-order-paid");
    }
    List<String> amounts = manager.request().get("/invoices/" + invoice + "/payments").path("items.amount");
    assertThat(amounts).containsExactly(balance);
  }

  @Test
  void theBoardMovesACardFromTheKeyboardAndAnotherUsersBoardFollowsLive() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    String number = advisor.request().get("/work-orders/" + id).path("number");
    Map<String, Object> board = advisor.request().get("/shops/" + advisor.shopId() + "/board").jsonPath().getMap("");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> columns = (List<Map<String, Object>>) board.get("columns");
    String status = advisor.request().get("/work-orders/" + id).path("status");
    @SuppressWarnings("unchecked")
    String target = columns.stream().filter(c -> c.get("code").equals(status)).findFirst()
        .map(c -> ((List<String>) c.get("next")).get(0)).orElseThrow();

    try (Browser desk = new Browser(Api.baseUrl(), "board", Browser.Size.DESKTOP);
         Browser other = new Browser(Api.baseUrl(), "board-other", Browser.Size.DESKTOP)) {
      desk.signIn("/board", "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
      other.signIn("/board", "manager@demo.mechanics.dev", Api.DEMO_PASSWORD);
      String card = "article[data-id='" + id + "']";
      desk.deep(card);
      other.deep(card);
      other.waitForText("Live: changes appear by themselves.");
      desk.check("board");

      // keyboard only: focus the card's move button and press Enter
      var move = desk.deepAll(card + " .moves button").get(0);
      assertThat(move.getAttribute("aria-label")).startsWith("Move " + number + " to ");
      move.sendKeys(Keys.ENTER);
      desk.waitFor(() -> target.equals(desk.js("return arguments[0].closest('section').dataset.status",
          desk.deep(card))) ? Boolean.TRUE : null, "the card in " + target);
      other.waitFor(() -> target.equals(other.js("return arguments[0].closest('section').dataset.status",
          other.deep(card))) ? Boolean.TRUE : null, "the card in " + target + " on the other board");
      assertThat(advisor.request().get("/work-orders/" + id).<String>path("status")).isEqualTo(target);
      other.check("board-after-move");
    }
  }

  private static MimeMessage mailTo(String email) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().equals(email)) {
          return m;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no mail to " + email);
  }
}
