package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The office in Chromium (issue 14): the manager finds an invoice, pays part of it with a double click that
 * charges once and credits one line; the owner changes tax rates and board columns over another tab's change
 * (412), runs a report and opens its files, invites a technician who accepts in the browser; a technician and an
 * advisor get no office screens and the API refuses them. One desktop and one phone browser for the class; every
 * screen is checked at both sizes (screenshot, axe, console).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern INVITATION = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_.-]+)");

  private static Browser desk;
  private static Browser phone;

  @BeforeAll
  static void browsers() {
    desk = new Browser(Api.baseUrl(), "office", Browser.Size.DESKTOP);
    phone = new Browser(Api.baseUrl(), "office", Browser.Size.PHONE);
  }

  @AfterAll
  static void close() {
    if (desk != null) {
      desk.close();
    }
    if (phone != null) {
      phone.close();
    }
  }

  private static void signOut(Browser browser) {
    browser.clickText("button", "Sign out");
    browser.deep("#email");
  }

  /** Signs in as this user on the page for the path, after signing out whoever is signed in (a failed test). */
  private static void signIn(Browser browser, String path, String email, String password) {
    browser.open("/password");
    browser.waitFor(() -> browser.present("#email") || browser.present("#current") || browser.deepText()
        .contains("Sign out") ? Boolean.TRUE : null, "the sign-in page or a signed-in page");
    if (!browser.present("#email")) {
      signOut(browser);
    }
    browser.signIn(path, email, password);
  }

  @Test
  @Order(1)
  void theManagerFindsAnInvoicePaysPartOfItWithADoubleClickAndCreditsOneLine() {
    Api.Tenant manager = Api.demoAs("MANAGER");
    Shop shop = new Shop(manager);
    String last = "Ledger" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x");
    String customer = manager.createCustomer("Olga", last);
    String order = shop.estimateFor(customer, shop.vehicleOf(customer));
    shop.addLines(order, List.of(Shop.labor("Brake fluid flush", "1", "100.00"),
        Shop.labor("Tire rotation", "0.5", "80.00")));
    String invoice = shop.invoiced(order);

    signIn(desk, "/invoices", "manager@demo.mechanics.dev", Api.DEMO_PASSWORD);
    desk.deep("#status");
    desk.waitFor(() -> desk.present("table") || desk.deepText().contains("No invoices") ? Boolean.TRUE : null,
        "the invoice list");
    desk.check("invoices");

    // find it by its customer, typed (the list asks once the typing pauses)
    desk.type("#customer-search", last.substring(0, 8));
    desk.clickText(".matches button", last);
    desk.waitForText("Only Olga " + last);
    desk.waitFor(() -> desk.deepAll("tbody tr").size() == 1 ? Boolean.TRUE : null, "one invoice of the customer");
    String number = manager.request().get("/invoices/" + invoice).path("number");
    desk.clickText("tbody a", number);
    desk.deep("#record-payment");
    desk.waitForText("Brake fluid flush");
    desk.check("invoice");

    // a partial payment, double-clicked: one payment
    desk.type("#payment-amount", "50.00");
    new Actions(desk.driver()).doubleClick(desk.deep("#record-payment")).perform();
    desk.waitForText("Payment of");
    desk.waitFor(() -> desk.deepAll("#payments li").size() == 1 ? Boolean.TRUE : null, "one payment shown");
    List<String> amounts = manager.request().get("/invoices/" + invoice + "/payments").path("items.amount");
    assertThat(amounts).containsExactly("50.00");

    // a credit note for the first line: the balance follows
    desk.deepAll("button.credit-line").get(0).click();
    desk.waitForText("For the line");
    desk.type("#credit-reason", "Flush not needed after all");
    desk.click("#issue-credit");
    desk.waitFor(() -> desk.deepAll("#credit-notes li").size() == 1 ? Boolean.TRUE : null, "one credit note");
    Response after = manager.request().get("/invoices/" + invoice);
    assertThat(after.<String>path("amountCredited")).isNotEqualTo("0.00");
    String balance = desk.deep("#balance-due").getText();
    assertThat(balance.replaceAll("[^0-9.]", "")).isEqualTo(after.<String>path("balanceDue"));
    desk.check("invoice-credited");
    signOut(desk);
  }

  @Test
  @Order(2)
  void theOwnerSeesA412WhenAnotherTabChangedTheTaxRatesOrTheBoardFirst() {
    Api.Tenant owner = Api.demoAs("OWNER");
    String shopName = "Office " + Long.toString(System.nanoTime(), 36);
    String shopId = owner.request().body(Map.of("name", shopName, "timeZone", "America/Chicago"))
        .post("/shops").then().statusCode(201).extract().path("id");
    owner.request().body(Map.of("items", List.of(Map.of("name", "State tax", "rate", 0.0625, "appliesToLabor", false,
        "appliesToParts", true)))).put("/shops/" + shopId + "/tax-rates").then().statusCode(200);

    signIn(desk, "/shop-settings", "owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    new Select(desk.deep("#shop")).selectByValue(shopId);
    desk.waitForText("Shop settings · " + shopName);
    desk.deep("#rate-percent-0");
    desk.check("shop-settings");

    // another tab changes the rates after this one read them
    Response read = owner.request().get("/shops/" + shopId + "/tax-rates");
    owner.request().header("If-Match", read.header("ETag")).body(Map.of("items", List.of(Map.of("name", "State tax",
        "rate", 0.07, "appliesToLabor", false, "appliesToParts", true)))).put("/shops/" + shopId + "/tax-rates")
        .then().statusCode(200);
    desk.type("#rate-percent-0", "8.25");
    desk.click("#save-rates");
    desk.waitForText("Changed by someone else.");
    desk.screenshot("shop-settings-412");
    desk.assertNoConsoleErrors("shop-settings-412", "412");
    assertThat(owner.request().get("/shops/" + shopId + "/tax-rates").<Float>path("items[0].rate"))
        .as("nothing overwritten").isEqualTo(0.07f);
    desk.clickText("button", "Reload");
    desk.waitFor(() -> "7".equals(desk.deep("#rate-percent-0").getDomProperty("value")) ? Boolean.TRUE : null,
        "the other tab's rate");
    desk.type("#rate-percent-0", "8.25");
    desk.click("#save-rates");
    desk.waitForText("Tax rates saved.");
    assertThat(owner.request().get("/shops/" + shopId + "/tax-rates").<Float>path("items[0].rate"))
        .isEqualTo(0.0825f);

    // the board: the same rule
    Response board = owner.request().get("/shops/" + shopId + "/board");
    List<Map<String, Object>> columns = board.path("columns");
    List<Map<String, Object>> renamed = columns.stream().map(c -> Map.of("code", c.get("code"),
        "name", c.get("code").equals(columns.get(0).get("code")) ? "Waiting (other tab)" : c.get("name"),
        "next", c.get("next"))).toList();
    owner.request().header("If-Match", board.header("ETag")).body(Map.of("columns", renamed))
        .put("/shops/" + shopId + "/board").then().statusCode(200);
    desk.type("#column-0", "Waiting for parts");
    desk.click("#save-board");
    desk.waitForText("Changed by someone else.");
    desk.assertNoConsoleErrors("shop-settings-board-412", "412");
    assertThat(owner.request().get("/shops/" + shopId + "/board").<String>path("columns[0].name"))
        .isEqualTo("Waiting (other tab)");
  }

  @Test
  @Order(3)
  void theOwnerSchedulesTheReportRunsItNowWatchesItFinishAndOpensItsCsvAndPdf() {
    signIn(desk, "/reports", "owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    desk.deep("#schedule-cron");
    desk.type("#schedule-cron", "30 6 * * 1-5");
    desk.waitForText("At 06:30, Monday to Friday");
    desk.type("#schedule-zone", "America/Chicago");
    String recipient = "reports-" + System.nanoTime() + "@example.com";
    desk.type("#schedule-recipients", recipient);
    desk.click("#save-schedule");
    desk.waitForText("Schedule created.");
    desk.waitForText(recipient);
    desk.check("reports");

    desk.click("#run-now");
    String started = desk.deepWithText("p.notice", "Report run").getText();
    String run = started.replaceAll("(?s).*Report run (\\d+) started.*", "$1");
    desk.screenshot("reports-running");
    // the screen polls the run: it finishes without a reload
    String files = "li[data-run=\"" + run + "\"] button.open-files";
    new org.openqa.selenium.support.ui.WebDriverWait(desk.driver(), java.time.Duration.ofSeconds(120))
        .withMessage(() -> "run " + run + " finished: " + desk.deepText())
        .until(d -> desk.present(files) ? Boolean.TRUE : null);
    desk.click(files);
    String outputs = "li[data-run=\"" + run + "\"] a.output-link";
    desk.waitFor(() -> desk.deepAll(outputs).size() >= 2 ? Boolean.TRUE : null, "the report's files");
    desk.check("reports-files");
    List<String> links = desk.deepAll(outputs).stream().map(a -> a.getDomProperty("href")).toList();
    boolean csv = false;
    boolean pdf = false;
    for (String link : links) {
      // the link alone opens the file, as a new browser tab does: no token, no cookie
      Response file = RestAssured.given().urlEncodingEnabled(false).get(link);
      file.then().statusCode(200);
      byte[] body = file.asByteArray();
      String type = String.valueOf(file.contentType());
      if (type.startsWith("text/csv")) {
        csv = true;
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("kpi_version");
      } else if (type.startsWith("application/pdf")) {
        pdf = true;
        assertThat(new String(body, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      }
    }
    assertThat(csv && pdf).as("a CSV and a PDF among %s", links).isTrue();
    // and in the browser: each file opens in a tab of its own, on the link alone (fetched above without a token)
    for (org.openqa.selenium.WebElement link : desk.deepAll(outputs)) {
      assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
      assertThat(link.getDomAttribute("rel")).contains("noopener");
    }
  }

  @Test
  @Order(4)
  void everyOfficeScreenWorksOnAPhoneAndTheAuditChainVerifies() {
    signIn(phone, "/invoices", "owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    phone.waitFor(() -> phone.present("table") || phone.deepText().contains("No invoices") ? Boolean.TRUE : null,
        "the invoice list");
    phone.check("invoices");
    fitsTheWidth(phone);
    String invoice = Api.demoAs("OWNER").request().get("/invoices?limit=1").path("items[0].id");
    phone.open("/invoices/" + invoice);
    phone.deep("#record-payment");
    phone.check("invoice");
    fitsTheWidth(phone);
    phone.open("/customers");
    phone.deep("ul.customers");
    phone.check("customers");
    fitsTheWidth(phone);
    phone.clickText("button", "Vehicles");
    phone.waitFor(() -> phone.deepText().contains("VIN") || phone.deepText().contains("No vehicles")
        ? Boolean.TRUE : null, "a customer's vehicles");
    phone.check("customers-vehicles");
    fitsTheWidth(phone);
    phone.open("/staff");
    phone.deep("ul.staff");
    phone.check("staff");
    fitsTheWidth(phone);
    phone.open("/shop-settings");
    phone.deep("#save-board");
    phone.check("shop-settings");
    fitsTheWidth(phone);
    phone.open("/reports");
    phone.deep("#run-now");
    phone.waitFor(() -> phone.present("#runs") || phone.deepText().contains("No runs") ? Boolean.TRUE : null, "runs");
    phone.check("reports");
    fitsTheWidth(phone);
    phone.open("/audit");
    phone.click("#verify-chain");
    phone.waitForText("The chain is");
    phone.check("audit");
    fitsTheWidth(phone);
  }

  @Test
  @Order(5)
  void theOwnerInvitesATechnicianWhoAcceptsInTheBrowserAndGetsNoOfficeScreens() throws Exception {
    String email = "tech-" + System.nanoTime() + "@example.com";
    signIn(desk, "/staff", "owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    desk.deep("#invite-email");
    desk.type("#invite-email", email);
    desk.type("#invite-name", "Tomás Wrench");
    new Select(desk.deep("#invite-role")).selectByValue("TECHNICIAN");
    desk.click("#send-invitation");
    desk.waitForText("Invitation mailed to " + email);
    desk.check("staff-invited");

    Matcher link = INVITATION.matcher(Mails.text(mailTo(email)));
    assertThat(link.find()).as("an invitation link in the mail").isTrue();
    Api.rememberSecret("invitation link", link.group(1).substring("/invitations/".length()));
    String password = "bay-" + System.nanoTime() + "-Wrench";
    signOut(phone);
    phone.open(link.group(1));
    phone.deep("#password");
    phone.check("invitation");
    phone.type("#password", password);
    phone.type("#repeat", password);
    phone.clickText("button", "Set password and sign in");
    phone.waitForText("Tomás Wrench");
    assertThat(phone.deepAll("nav a").stream().map(a -> a.getText()).toList())
        .doesNotContain("Invoices", "Staff", "Reports", "Shop settings", "Customers", "Audit");
    phone.open("/invoices");
    phone.waitForText("Not for your role");
    phone.check("technician-no-office");

    // and the API refuses the technician (the screens only follow it)
    Api.Tenant technician = Api.Tenant.of(Api.login(email, password));
    refusesTheOffice(technician);
    signOut(phone);
    signOut(desk);
  }

  @Test
  @Order(6)
  void anAdvisorGetsNoOfficeScreensAndTheApiRefuses() {
    signIn(desk, "/board", "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
    assertThat(desk.deepAll("nav a").stream().map(a -> a.getText()).toList())
        .doesNotContain("Invoices", "Staff", "Reports", "Shop settings", "Audit");
    desk.open("/staff");
    desk.waitForText("Not for your role");
    desk.check("advisor-no-office");
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    refusesTheOffice(advisor);
    signOut(desk);
  }

  /**
   * Nothing wider than the window: headless Chromium keeps a window at least 500 px wide whatever the phone size
   * asks, so the page is compared with its own viewport, not with 390.
   */
  private static void fitsTheWidth(Browser browser) {
    assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
        .as("nothing wider than the window on %s", browser.path())
        .isLessThanOrEqualTo((Long) browser.js("return document.documentElement.clientWidth"));
  }

  private static void refusesTheOffice(Api.Tenant who) {
    who.request().get("/invoices/export?from=2026-01-01&to=2026-01-31&shopId=" + who.shopId())
        .then().statusCode(403);
    who.request().get("/users").then().statusCode(403);
    who.request().get("/batch/schedules").then().statusCode(403);
    who.request().get("/batch/executions").then().statusCode(403);
    who.request().get("/audit").then().statusCode(403);
    who.request().body(Map.of("items", List.of())).put("/shops/" + who.shopId() + "/tax-rates")
        .then().statusCode(403);
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
