package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The shop floor's screens in Chromium (issue 19.8): the bay calendar of a day and a week (book, move, check in),
 * the transfer list of a shop (ship, cancel, receive in part with a reason), the part search while adding a line
 * and receiving a purchase order; a comeback's lines booked as warranty on the work order (issue 19.6). Each at
 * desktop and phone size (screenshot, axe, console, nothing wider than the phone).
 */
class ShopFloorIT {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** As DeskIT's: elements past the viewport's right edge, except inside a horizontal scroll container. */
  static final String WIDER_THAN_THE_VIEWPORT = """
      const out = [];
      const visit = (root, path) => { for (const el of root.querySelectorAll('*')) {
        const right = Math.round(el.getBoundingClientRect().right);
        const scrolled = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
        if (right > innerWidth && !scrolled(el)) out.push(`${path} ${el.localName}.${el.className} ${right}`);
        if (el.shadowRoot) visit(el.shadowRoot, `${path}>${el.localName}`); } };
      visit(document, '');
      return out.slice(0, 25).join('; ');""";

  /** A new organization (its own calendar and stock); its owner signs in with this e-mail and password. */
  private record Owner(Api.Tenant tenant, String email, String password) {
    static Owner signUp(String label) {
      String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
      String email = "owner-" + unique + "@example.com";
      String password = "floor screens passphrase " + unique;
      Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
          .body(Map.of("organizationName", "Floor " + unique, "shopName", "Main street", "timeZone",
              "America/New_York", "currency", "USD", "ownerName", "Floor Owner", "ownerEmail", email,
              "ownerPassword", password))
          .post("/organizations").then().statusCode(201);
      return new Owner(Api.Tenant.of(Api.login(email, password)), email, password);
    }
  }

  @Test
  void theAdvisorBooksMovesAndChecksInOnTheBayCalendar() {
    Owner owner = Owner.signUp("calendar");
    Api.Tenant t = owner.tenant();
    String lift = bay(t, "Lift 1", "LIFT");
    bay(t, "Alignment rack", "ALIGNMENT");
    String customer = t.createCustomer("Carla", "Calendar");
    String vehicle = new Shop(t).vehicleOf(customer);
    // a Monday ahead (default hours Mon-Fri 08:00-18:00): every slot of it is in the future
    LocalDate monday = LocalDate.now(NEW_YORK).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    String booked = t.request().body(booking(t, customer, vehicle, lift, at(monday, "14:00"), 90, "Brake noise"))
        .post("/appointments").then().statusCode(201).extract().path("id");

    try (Browser browser = new Browser(Api.baseUrl(), "calendar", Browser.Size.DESKTOP)) {
      browser.signIn("/calendar", owner.email(), owner.password());
      browser.open("/calendar?view=day&day=" + monday);
      browser.deepWithText("article[data-id='" + booked + "']", "Brake noise");
      browser.deepWithText("article[data-id='" + booked + "']", "Carla Calendar");
      browser.check("calendar-day");

      // book: the customer found as typed, the vehicle, the work, then one of the free times the API offers
      browser.click("#book");
      browser.type("#appt-customer", "Calend");
      browser.clickText("button", "Carla Calendar");
      browser.deep("#appt-vehicle");
      browser.type("#appt-work", "Oil change");
      new Select(browser.deep("#appt-duration")).selectByValue("60");
      browser.clickText("button", "Find free times");
      browser.deepWithText("ul.slots button", "8:00");
      browser.check("calendar-book");
      browser.deepAll("ul.slots button").get(0).click();
      browser.waitForText("Booked for");
      browser.deepWithText("article", "Oil change");
      List<Map<String, Object>> items = t.request().get("/appointments?shopId=" + t.shopId() + "&from=" + monday
          + "&to=" + monday).then().statusCode(200).extract().jsonPath().getList("items");
      assertThat(items).hasSize(2);
      Map<String, Object> oil = items.stream().filter(a -> "Oil change".equals(a.get("requestedWork"))).findFirst()
          .orElseThrow();
      assertThat(oil.get("durationMinutes")).isEqualTo(60);
      assertThat(oil.get("startsAt")).isEqualTo(at(monday, "08:00"));

      // move the brake job to the first free time the search offers for two hours
      browser.deep("article[data-id='" + booked + "'] button[aria-label^='Move']").click();
      new Select(browser.deep("#appt-duration")).selectByValue("120");
      browser.clickText("button", "Find free times");
      browser.deepWithText("ul.slots button", ":");
      browser.deepAll("ul.slots button").get(0).click();
      browser.waitForText("Moved to");
      Response moved = t.request().get("/appointments/" + booked);
      assertThat(moved.<Integer>path("durationMinutes")).isEqualTo(120);
      assertThat(moved.<String>path("startsAt")).isNotEqualTo(at(monday, "14:00"));

      // check in: the API opens the work order, the card links to it
      browser.deep("article[data-id='" + booked + "'] button[aria-label^='Check in']").click();
      browser.type("#mileage-" + booked, "120700");
      browser.clickText("button", "Open the work order");
      browser.waitForText("Checked in");
      String workOrder = t.request().get("/appointments/" + booked).then().statusCode(200)
          .body("status", org.hamcrest.Matchers.equalTo("CHECKED_IN")).extract().path("workOrderId");
      assertThat(t.request().get("/work-orders/" + workOrder).<Integer>path("mileageIn")).isEqualTo(120700);
      browser.check("calendar-checked-in");

      browser.clickText("button", "Week");
      browser.deep("section.column[data-day='" + monday.plusDays(6) + "']");
      browser.deepWithText("section.column[data-day='" + monday + "'] article", "Oil change");
      browser.check("calendar-week");
    }

    try (Browser phone = new Browser(Api.baseUrl(), "calendar", Browser.Size.PHONE)) {
      phone.signIn("/calendar", owner.email(), owner.password());
      phone.open("/calendar?view=day&day=" + monday);
      phone.deepWithText("article", "Oil change");
      phone.check("calendar-day");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
      phone.click("#book");
      phone.clickText("button", "Find free times");
      phone.deepWithText("ul.slots button", ":");
      phone.check("calendar-book");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
      phone.open("/calendar?view=week&day=" + monday);
      phone.deepWithText("article", "Oil change");
      phone.check("calendar-week");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
    }
  }

  @Test
  void theDeskBooksAComebacksLinesAsWarrantyAndTheCustomerIsChargedNothingForThem() {
    Owner owner = Owner.signUp("warranty");
    Api.Tenant t = owner.tenant();
    Shop shop = new Shop(t);
    String customer = t.createCustomer("Wanda", "Warranty");
    String vehicle = shop.vehicleOf(customer);
    String original = shop.estimateFor(customer, vehicle);
    shop.addLines(original, List.of(Shop.labor("Replace front pads", "1.5", "100.00")));
    shop.invoiced(original);
    String again = shop.estimateFor(customer, vehicle);
    shop.addLines(again, List.of(Shop.labor("Redo front pads", "1.5", "100.00"),
        Shop.part("Pad shims", "1", "20.00", "49.90")));
    String charged = t.request().get("/work-orders/" + again).path("totals.total");
    String originalNumber = t.request().get("/work-orders/" + original).path("number");
    mileageIn(t, again, 130000); // 9,500 miles after the original: outside the default window of 4,000

    try (Browser browser = new Browser(Api.baseUrl(), "warranty", Browser.Size.DESKTOP)) {
      browser.block("*/events"); // no live updates: the page keeps the version it read (the 412 below)
      browser.signIn("/work-orders/" + again, owner.email(), owner.password());
      browser.waitForText("Redo front pads");
      // not a comeback: nothing to book as warranty
      assertThat(browser.present("button[aria-label$='as warranty']")).isFalse();

      // marked through the form: the API refuses the miles in words, shown in the form; corrected, it marks
      browser.click("#mark-comeback");
      new Select(browser.deep("#comeback-original")).selectByValue(original);
      browser.type("#comeback-reason", "Same squeal a week later");
      browser.clickText("button", "Save comeback");
      browser.waitForText("warranty window of 90 days and 4000 miles");
      browser.deepWithText(".field-error", "outside the warranty window");
      browser.check("work-order-comeback-refused", "422", "ERR_BLOCKED_BY_CLIENT");
      mileageIn(t, again, 120900);
      browser.clickText("button", "Save comeback");
      browser.waitForText("Marked as a comeback of " + originalNumber);
      browser.deepWithText("#comeback-badge a", originalNumber);
      assertThat(browser.present("#mark-comeback")).isFalse();
      browser.check("work-order-comeback-marked", "422", "ERR_BLOCKED_BY_CLIENT");
      t.request().get("/work-orders/" + again + "/comeback").then().statusCode(200)
          .body("originalWorkOrderId", org.hamcrest.Matchers.equalTo(original))
          .body("reason", org.hamcrest.Matchers.equalTo("Same squeal a week later"));
      browser.open("/work-orders/" + again);
      browser.waitForText("Same squeal a week later");
      assertThat(browser.deep("#total").getText()).contains(charged);
      browser.click("button[aria-label='Book Redo front pads as warranty']");
      browser.deepWithText("td .badge", "Warranty");
      String partOnly = t.request().get("/work-orders/" + again).then().statusCode(200)
          .body("lines[0].warranty", org.hamcrest.Matchers.equalTo(true))
          .body("lines[0].amount", org.hamcrest.Matchers.equalTo("0.00"))
          .body("totals.cost", org.hamcrest.Matchers.equalTo("20.00")).extract().path("totals.total");
      assertThat(partOnly).isNotEqualTo(charged);
      browser.waitFor(() -> browser.deep("#total").getText().contains(partOnly) ? Boolean.TRUE : null,
          "the total without the warranty line");
      browser.waitForText("1 line is booked as warranty");
      browser.check("work-order-warranty", "ERR_BLOCKED_BY_CLIENT");

      // someone else changed the order since: refused in words, nothing booked, a reload offered
      Response current = t.request().get("/work-orders/" + again);
      t.request().header("If-Match", current.header("ETag"))
          .body(Map.of("mileageIn", 130000, "complaint", "Squeal again, said at the counter"))
          .put("/work-orders/" + again).then().statusCode(200);
      browser.click("button[aria-label='Book Pad shims as warranty']");
      browser.waitForText("Changed by someone else.");
      browser.screenshot("work-order-warranty-412");
      browser.assertNoConsoleErrors("work-order-warranty-412", "412", "ERR_BLOCKED_BY_CLIENT");
      assertThat(t.request().get("/work-orders/" + again).<Boolean>path("lines[1].warranty")).isFalse();
      browser.clickText("button", "Reload");
      browser.waitForText("Squeal again, said at the counter");

      browser.click("button[aria-label='Book Pad shims as warranty']");
      browser.waitForText("2 lines are booked as warranty");
      browser.click("button[aria-label='Charge again for Redo front pads']");
      browser.waitForText("1 line is booked as warranty");
      Response after = t.request().get("/work-orders/" + again);
      assertThat(after.<Boolean>path("lines[0].warranty")).isFalse();
      assertThat(after.<String>path("lines[0].amount")).isEqualTo("150.00");
      assertThat(after.<Boolean>path("lines[1].warranty")).isTrue();
      assertThat(after.<String>path("totals.cost")).isEqualTo("20.00");
      String laborOnly = after.path("totals.total");
      browser.waitFor(() -> browser.deep("#total").getText().contains(laborOnly) ? Boolean.TRUE : null,
          "the total with the labor charged again");
      browser.js("arguments[0].scrollIntoView()", browser.deep("#comeback-note"));
      browser.check("work-order-warranty-charged", "ERR_BLOCKED_BY_CLIENT", "412");
    }

    String third = shop.estimateFor(customer, vehicle);
    try (Browser phone = new Browser(Api.baseUrl(), "warranty", Browser.Size.PHONE)) {
      phone.signIn("/work-orders/" + again, owner.email(), owner.password());
      phone.waitForText("Same squeal a week later");
      phone.deepWithText("td .badge", "Warranty");
      phone.js("arguments[0].scrollIntoView()", phone.deep("#comeback-note"));
      phone.deep("button[aria-label='Book Redo front pads as warranty']");
      phone.check("work-order-warranty");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();

      // another visit marked on the phone, from the keyboard: the original is the one invoiced visit offered
      phone.open("/work-orders/" + third);
      phone.deep("#mark-comeback").sendKeys(org.openqa.selenium.Keys.ENTER);
      phone.type("#comeback-reason", "Squeal again, third visit");
      phone.js("arguments[0].scrollIntoView()", phone.deep("#comeback-form"));
      phone.check("work-order-comeback-form");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
      phone.clickText("button", "Save comeback");
      phone.waitForText("Marked as a comeback of " + originalNumber);
      phone.deepWithText("#comeback-badge a", originalNumber);
      phone.js("window.scrollTo(0, 0)");
      phone.check("work-order-comeback-marked");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
    }
    t.request().get("/work-orders/" + third + "/comeback").then().statusCode(200)
        .body("originalWorkOrderId", org.hamcrest.Matchers.equalTo(original));

    // invoiced: the lines stay as booked, and there is nothing left to book; the invoice says warranty too
    String invoice = shop.invoiced(again);
    try (Browser browser = new Browser(Api.baseUrl(), "warranty", Browser.Size.DESKTOP)) {
      browser.signIn("/work-orders/" + again, owner.email(), owner.password());
      browser.deepWithText("td .badge", "Warranty");
      assertThat(browser.present("button[aria-label$='as warranty']")).isFalse();
      assertThat(browser.present("button[aria-label^='Charge again']")).isFalse();
      browser.open("/invoices/" + invoice);
      browser.deepWithText("td .badge", "Warranty");
      browser.waitForText("no charge");
      browser.js("arguments[0].scrollIntoView()", browser.deep("#lines-title"));
      browser.check("invoice-warranty");
    }
    try (Browser phone = new Browser(Api.baseUrl(), "warranty", Browser.Size.PHONE)) {
      phone.signIn("/invoices/" + invoice, owner.email(), owner.password());
      phone.deepWithText("td .badge", "Warranty");
      phone.js("arguments[0].scrollIntoView()", phone.deep("#lines-title"));
      phone.check("invoice-warranty");
      assertThat((String) phone.js(WIDER_THAN_THE_VIEWPORT)).as("nothing wider than the phone").isEmpty();
    }
  }

  /** Changes the work order's mileage in (as the advisor would, under its current version). */
  private static void mileageIn(Api.Tenant t, String workOrder, int miles) {
    Response current = t.request().get("/work-orders/" + workOrder);
    t.request().header("If-Match", current.header("ETag"))
        .body(Map.of("mileageIn", miles, "complaint", current.<String>path("complaint")))
        .put("/work-orders/" + workOrder).then().statusCode(200);
  }

  private static String bay(Api.Tenant t, String name, String kind) {
    return t.request().body(Map.of("name", name, "kind", kind)).post("/shops/" + t.shopId() + "/bays")
        .then().statusCode(201).extract().path("id");
  }

  private static String at(LocalDate day, String time) {
    return ZonedDateTime.of(day, LocalTime.parse(time), NEW_YORK).toInstant().toString();
  }

  private static Map<String, Object> booking(Api.Tenant t, String customer, String vehicle, String bay, String start,
                                             int minutes, String work) {
    Map<String, Object> body = new HashMap<>();
    body.put("shopId", t.shopId());
    body.put("customerId", customer);
    body.put("vehicleId", vehicle);
    body.put("requestedWork", work);
    body.put("bayId", bay);
    body.put("startsAt", start);
    body.put("durationMinutes", minutes);
    return body;
  }
}
