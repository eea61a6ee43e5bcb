package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The parts screens in Chromium (issue 19.8): the transfer list of a shop (ship, cancel, receive in part with a
 * reason, as the sending and the receiving shop see it), the part search while adding a line (availability here
 * and in the other shop; "Add" reserves) and receiving a purchase order in part. Desktop and phone.
 */
class PartsScreensIT {

  /** A new organization with two shops; its owner signs in with this e-mail and password. */
  private record Chain(Api.Tenant owner, String email, String password, String main, String second) {
    static Chain signUp(String label) {
      String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
      String email = "owner-" + unique + "@example.com";
      String password = "parts screens passphrase " + unique;
      Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
          .body(Map.of("organizationName", "Parts " + unique, "shopName", "Main street", "timeZone",
              "America/New_York", "currency", "USD", "ownerName", "Parts Owner", "ownerEmail", email,
              "ownerPassword", password))
          .post("/organizations").then().statusCode(201);
      Api.Tenant owner = Api.Tenant.of(Api.login(email, password));
      String second = owner.request().body(Map.of("name", "Harbour road", "timeZone", "America/New_York"))
          .post("/shops").then().statusCode(201).extract().path("id");
      return new Chain(owner, email, password, owner.shopId(), second);
    }
  }

  @Test
  void aShopShipsCancelsAndReceivesTransfersInPartWithTheReason() {
    Chain chain = Chain.signUp("transfers");
    Api.Tenant t = chain.owner();
    String pads = part(t, "PAD", "Brake pad set", "8.00");
    stockUp(t, chain.main(), pads, "10", "8.00");
    String shipped = transfer(t, chain.main(), chain.second(), pads, "6");
    String cancelled = transfer(t, chain.main(), chain.second(), pads, "1");

    try (Browser browser = new Browser(Api.baseUrl(), "transfers", Browser.Size.DESKTOP)) {
      browser.signIn("/transfers", chain.email(), chain.password());
      new Select(browser.deep("#shop")).selectByValue(chain.main());
      browser.deepWithText("section[data-group='requested'] article[data-id='" + shipped + "']", "To Harbour road");
      browser.check("transfers-requested");
      browser.deep("article[data-id='" + shipped + "'] button").click(); // Ship
      browser.waitForText("Shipped: the parts left");
      browser.deep("section[data-group='in-transit'] article[data-id='" + shipped + "']");
      browser.deepWithText("article[data-id='" + cancelled + "'] button", "Cancel the transfer").click();
      browser.waitForText("Cancelled.");
      browser.deep("section[data-group='done'] article[data-id='" + cancelled + "']");
      assertThat(t.request().get("/shops/" + chain.main() + "/stock/" + pads).<String>path("onHand")).isEqualTo("4");

      // the receiving shop: 4 of 6 arrived, the rest will not come
      new Select(browser.deep("#shop")).selectByValue(chain.second());
      browser.deepWithText("section[data-group='in-transit'] article[data-id='" + shipped + "']", "From Main street");
      browser.deepWithText("article[data-id='" + shipped + "'] button", "Receive").click();
      String line = t.request().get("/transfers/" + shipped).path("lines[0].id");
      browser.type("#q-" + line, "4");
      browser.click("#complete");
      browser.clickText("button", "Book what arrived");
      browser.waitForText("needs the reason for the discrepancy"); // refused without the reason
      browser.type("#reason", "One box damaged in the van");
      browser.clickText("button", "Book what arrived");
      browser.waitForText("Closed with 2 missing");
      browser.deepWithText("section[data-group='discrepancies'] article[data-id='" + shipped + "']",
          "One box damaged in the van");
      browser.check("transfers-received", "422");
    }
    Response transfer = t.request().get("/transfers/" + shipped);
    assertThat(transfer.<String>path("status")).isEqualTo("RECEIVED");
    assertThat(transfer.<String>path("missing")).isEqualTo("2");
    assertThat(transfer.<String>path("inTransit")).isEqualTo("0");
    assertThat(t.request().get("/shops/" + chain.second() + "/stock/" + pads).<String>path("onHand")).isEqualTo("4");
    assertThat(t.request().get("/transfers/" + cancelled).<String>path("status")).isEqualTo("CANCELLED");

    try (Browser phone = new Browser(Api.baseUrl(), "transfers", Browser.Size.PHONE)) {
      phone.signIn("/transfers", chain.email(), chain.password());
      new Select(phone.deep("#shop")).selectByValue(chain.second());
      phone.deepWithText("section[data-group='discrepancies'] article", "One box damaged in the van");
      // each line is a card on a phone: every column, the last one too, is on the screen under its name
      WebElement missing = phone.deepWithText("article[data-id='" + shipped + "'] td[data-label='Missing']", "2");
      assertThat(missing.isDisplayed()).isTrue();
      assertThat(onScreen(phone, missing)).as("the Missing column on the phone's screen").isTrue();
      phone.check("transfers");
      assertThat((String) phone.js(ShopFloorIT.WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
    }
  }

  @Test
  void theAdvisorFindsAPartWithItsAvailabilityAddsItAndReceivesAPurchaseOrderInPart() {
    Chain chain = Chain.signUp("part-search");
    Api.Tenant t = chain.owner();
    String rotor = part(t, "ROT", "Front brake rotor", "40.00");
    stockUp(t, chain.main(), rotor, "3", "40.00");
    stockUp(t, chain.second(), rotor, "5", "40.00");
    String order = new Shop(t).estimate();
    Response draft = t.request().body(Map.of("vendor", "Rotor Supply", "lines", List.of(Map.of("partId", rotor,
        "quantity", "10", "unitCost", "42.00")))).post("/shops/" + chain.main() + "/purchase-orders");
    String po = draft.then().statusCode(201).extract().path("id");
    t.request().header("If-Match", draft.header("ETag")).post("/purchase-orders/" + po + "/order").then()
        .statusCode(200);

    try (Browser browser = new Browser(Api.baseUrl(), "parts", Browser.Size.DESKTOP)) {
      browser.signIn("/work-orders/" + order, chain.email(), chain.password());
      browser.type("#part-q", "rotor");
      browser.clickText("button", "Search parts");
      browser.waitForText("Harbour road: 5"); // what is available in the other shop
      browser.check("part-search");
      browser.type("#qty-" + rotor, "2");
      browser.click("button[aria-label^='Add ROT']");
      // the search results (which name the part too) close once the line is on the order
      browser.waitFor(() -> browser.present("button[aria-label^='Add ROT']") ? null : Boolean.TRUE,
          "the part line added");
      browser.deepWithText("td", "Front brake rotor");
      assertThat(t.request().get("/shops/" + chain.main() + "/stock/" + rotor).<String>path("reserved"))
          .isEqualTo("2");

      browser.open("/purchase-orders");
      new Select(browser.deep("#shop")).selectByValue(chain.main());
      browser.clickText("button", "Rotor Supply");
      String line = draft.path("lines[0].id");
      browser.type("#q-" + line, "4");
      browser.check("purchase-order");
      browser.clickText("button", "Book the delivery");
      browser.waitForText("more is expected");
      browser.deepWithText("tr[data-line='" + line + "'] td.on-hand", "7"); // 3 + 4
    }
    assertThat(t.request().get("/shops/" + chain.main() + "/stock/" + rotor).<String>path("onHand")).isEqualTo("7");

    // the same at phone size: the other shop's stock readable on the part's card, then a delivery booked in part
    try (Browser phone = new Browser(Api.baseUrl(), "parts", Browser.Size.PHONE)) {
      phone.signIn("/work-orders/" + order, chain.email(), chain.password());
      phone.type("#part-q", "rotor");
      phone.clickText("button", "Search parts");
      WebElement others = phone.deepWithText("tr[data-part='" + rotor + "'] td.others", "Harbour road: 5");
      assertThat(others.isDisplayed()).isTrue();
      assertThat(onScreen(phone, others)).as("the other shops' stock on the phone's screen").isTrue();
      // 3 on hand, 2 reserved by the line added on the desktop; 7 on hand after the delivery
      assertThat(phone.deep("tr[data-part='" + rotor + "'] td.here").getText()).isEqualTo("5");
      phone.check("part-search");
      assertThat((String) phone.js(ShopFloorIT.WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
      phone.type("#qty-" + rotor, "1");
      phone.click("button[aria-label^='Add ROT']");
      phone.waitFor(() -> phone.present("button[aria-label^='Add ROT']") ? null : Boolean.TRUE, "the part line added");
      assertThat(t.request().get("/shops/" + chain.main() + "/stock/" + rotor).<String>path("reserved"))
          .isEqualTo("3");

      phone.open("/purchase-orders");
      new Select(phone.deep("#shop")).selectByValue(chain.main());
      phone.clickText("button", "Rotor Supply");
      String line = draft.path("lines[0].id");
      phone.deepWithText("tr[data-line='" + line + "'] td.on-hand", "7");
      phone.type("#q-" + line, "2");
      phone.check("purchase-order");
      assertThat((String) phone.js(ShopFloorIT.WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
      phone.clickText("button", "Book the delivery");
      phone.waitForText("more is expected");
      WebElement onHand = phone.deepWithText("tr[data-line='" + line + "'] td.on-hand", "9");
      assertThat(onScreen(phone, onHand)).as("on hand on the phone's screen").isTrue();
      phone.check("purchase-order-received");
    }
    assertThat(t.request().get("/shops/" + chain.main() + "/stock/" + rotor).<String>path("onHand")).isEqualTo("9");
    Response received = t.request().get("/purchase-orders/" + po);
    assertThat(received.<String>path("status")).isEqualTo("PARTLY_RECEIVED");
    assertThat(new java.math.BigDecimal(received.<String>path("lines[0].received"))).isEqualByComparingTo("6");
  }

  /** The element lies inside the viewport's width (not cut off or scrolled out sideways). */
  private static boolean onScreen(Browser browser, WebElement element) {
    return (Boolean) browser.js("const r = arguments[0].getBoundingClientRect();"
        + " return r.width > 0 && r.left >= 0 && r.right <= innerWidth;", element);
  }

  private static String part(Api.Tenant t, String number, String description, String cost) {
    return t.request().body(Map.of("partNumber", number + "-" + UUID.randomUUID().toString().substring(0, 6),
            "brand", "Brembo", "description", description, "vendor", "Parts Co", "unitCost", cost))
        .post("/parts").then().statusCode(201).extract().path("id");
  }

  private static void stockUp(Api.Tenant t, String shop, String part, String quantity, String cost) {
    Response draft = t.request().body(Map.of("vendor", "Parts Co", "lines", List.of(Map.of("partId", part,
        "quantity", quantity, "unitCost", cost)))).post("/shops/" + shop + "/purchase-orders");
    String id = draft.then().statusCode(201).extract().path("id");
    t.request().header("If-Match", draft.header("ETag")).post("/purchase-orders/" + id + "/order").then()
        .statusCode(200);
    t.request().header("Idempotency-Key", "rcv-" + UUID.randomUUID()).body(Map.of("lines", List.of(Map.of(
            "lineId", draft.path("lines[0].id"), "quantity", quantity))))
        .post("/purchase-orders/" + id + "/receipts").then().statusCode(200);
  }

  private static String transfer(Api.Tenant t, String from, String to, String part, String quantity) {
    return t.request().header("Idempotency-Key", "tr-" + UUID.randomUUID()).body(Map.of("fromShopId", from,
            "toShopId", to, "lines", List.of(Map.of("partId", part, "quantity", quantity))))
        .post("/transfers").then().statusCode(201).extract().path("id");
  }
}
