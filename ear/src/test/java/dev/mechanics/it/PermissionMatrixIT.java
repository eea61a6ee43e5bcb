package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.Streams;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.it.support.Vins;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every route of the OpenAPI document with each role of the demo chain, with another organization's
 * owner and without a token, and checks each cell against docs/permissions.md. Objects are the demo chain's
 * (made in Downtown by its owner), so for the other organization every id is foreign (404); a forbidden action
 * on a visible object is 403. Routes about one work order are also called by the demo technician on work that
 * is not assigned to them (404: not visible).
 */
class PermissionMatrixIT {

  /**
   * TECHNICIAN is the demo technician on work assigned to them; TECHNICIAN_UNASSIGNED is the same user on work of
   * their shop that is not assigned to them (only rows about one work order check it).
   */
  private static final List<String> CALLERS = List.of("OWNER", "MANAGER", "SERVICE_ADVISOR", "TECHNICIAN",
      "TECHNICIAN_UNASSIGNED", "OTHER", "ANONYMOUS");
  private static final List<String> SIX = List.of("OWNER", "MANAGER", "SERVICE_ADVISOR", "TECHNICIAN", "OTHER",
      "ANONYMOUS");

  /**
   * route -> expected status per caller ({@link #row}: O, M, A, T, other organization, anonymous; {@link #work}
   * adds the unassigned technician after T). A new route in the OpenAPI document without a row here fails the
   * test: its permissions must be decided and written down (docs/permissions.md) first.
   */
  private static final Map<String, Map<String, Integer>> MATRIX = new LinkedHashMap<>();

  static {
    row("POST /api/v1/organizations", 201, 201, 201, 201, 201, 201);
    row("POST /api/v1/auth/login", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/auth/refresh", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/auth/logout", 204, 204, 204, 204, 204, 401);
    row("POST /api/v1/auth/session", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/auth/session/refresh", 200, 200, 200, 200, 200, 200);
    row("DELETE /api/v1/auth/session", 204, 204, 204, 204, 204, 204);
    row("POST /api/v1/auth/password", 422, 422, 422, 422, 422, 401);
    row("GET /api/v1/health", 200, 200, 200, 200, 200, 200);
    row("GET /api/v1/me", 200, 200, 200, 200, 200, 401);
    row("GET /api/v1/shops", 200, 200, 200, 200, 200, 401);
    row("POST /api/v1/shops", 201, 403, 403, 403, 201, 401);
    row("GET /api/v1/shops/{id}", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{id}", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/customers", 200, 200, 200, 200, 200, 401);
    row("POST /api/v1/customers", 201, 201, 201, 403, 201, 401);
    row("GET /api/v1/customers/{id}", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/customers/{id}", 200, 200, 200, 403, 404, 401);
    row("DELETE /api/v1/customers/{id}", 204, 204, 403, 403, 404, 401);
    row("GET /api/v1/vehicles", 200, 200, 200, 200, 200, 401);
    row("POST /api/v1/vehicles", 201, 201, 201, 403, 422, 401);
    row("GET /api/v1/vehicles/{id}", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/vehicles/{id}", 200, 200, 200, 403, 404, 401);
    row("GET /api/v1/users", 200, 200, 403, 403, 200, 401);
    row("POST /api/v1/users", 201, 201, 403, 403, 422, 401);
    row("GET /api/v1/users/{id}", 200, 200, 403, 403, 404, 401);
    row("POST /api/v1/users/{id}/disable", 200, 403, 403, 403, 404, 401);
    row("GET /api/v1/users/{id}/memberships", 200, 200, 403, 403, 404, 401);
    row("POST /api/v1/users/{id}/memberships", 200, 200, 403, 403, 404, 401);
    row("DELETE /api/v1/users/{id}/memberships/{shopId}", 204, 204, 403, 403, 404, 401);
    row("GET /api/v1/audit", 200, 403, 403, 403, 200, 401);
    row("GET /api/v1/audit/verify", 200, 403, 403, 403, 200, 401);
    row("POST /api/v1/users/{id}/invitation", 200, 200, 403, 403, 404, 401);
    row("POST /api/v1/invitations/{token}", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/email-verifications", 200, 200, 200, 200, 200, 401);
    row("POST /api/v1/email-verifications/{token}", 200, 200, 200, 200, 200, 200);

    // work orders: a technician reaches only work assigned to them (else 404, like another organization's)
    row("POST /api/v1/work-orders", 201, 201, 201, 403, 422, 401);
    row("GET /api/v1/work-orders", 200, 200, 200, 200, 404, 401);
    work("GET /api/v1/work-orders/{id}", 200, 200, 200, 200, 404, 404, 401);
    work("PUT /api/v1/work-orders/{id}", 200, 200, 200, 403, 403, 404, 401);
    work("POST /api/v1/work-orders/{id}/lines", 201, 201, 201, 403, 403, 404, 401);
    work("PUT /api/v1/work-orders/{id}/lines/{lineId}", 200, 200, 200, 403, 403, 404, 401);
    work("DELETE /api/v1/work-orders/{id}/lines/{lineId}", 200, 200, 200, 403, 403, 404, 401);
    work("POST /api/v1/work-orders/{id}/canned-jobs/{cannedJobId}", 200, 200, 200, 403, 403, 404, 401);
    work("POST /api/v1/work-orders/{id}/repair-order", 200, 200, 200, 403, 403, 404, 401);
    work("POST /api/v1/work-orders/{id}/status", 200, 200, 200, 200, 404, 404, 401);
    work("GET /api/v1/work-orders/{id}/status-history", 200, 200, 200, 200, 404, 404, 401);
    work("GET /api/v1/work-orders/{id}/recommendations", 200, 200, 200, 200, 404, 404, 401);
    work("POST /api/v1/work-orders/{id}/approval-link", 201, 201, 201, 403, 403, 404, 401);
    work("POST /api/v1/work-orders/{id}/approvals", 200, 200, 200, 403, 403, 404, 401);
    work("GET /api/v1/work-orders/{id}/approvals", 200, 200, 200, 200, 404, 404, 401);
    work("GET /api/v1/work-orders/{id}/inspection", 200, 200, 200, 200, 404, 404, 401);
    work("PUT /api/v1/work-orders/{id}/inspection", 200, 200, 200, 200, 404, 404, 401);
    work("POST /api/v1/work-orders/{id}/attachments", 201, 201, 201, 201, 404, 404, 401);
    work("GET /api/v1/work-orders/{id}/attachments", 200, 200, 200, 200, 404, 404, 401);
    work("GET /api/v1/work-orders/{id}/attachments/{attachmentId}", 200, 200, 200, 200, 404, 404, 401);
    work("POST /api/v1/work-orders/{id}/invoice", 201, 201, 403, 403, 403, 404, 401);
    // documents: the estimate (prices) for those who write estimates; the repair order (no prices) follows the
    // work order, so a technician gets it for assigned work only
    work("GET /api/v1/work-orders/{id}/estimate/pdf", 200, 200, 200, 403, 403, 404, 401);
    work("GET /api/v1/work-orders/{id}/repair-order/pdf", 200, 200, 200, 200, 404, 404, 401);
    // the customer's approval link: the signed token is the credential, whoever sends it
    row("GET /api/v1/approvals/{token}", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/approvals/{token}", 200, 200, 200, 200, 200, 200);
    row("GET /api/v1/approvals/{token}/pdf", 200, 200, 200, 200, 200, 200);
    row("GET /api/v1/approvals/{token}/photos/{attachmentId}", 200, 200, 200, 200, 200, 200);
    // money: owners and managers of the shop; advisors read invoices
    row("GET /api/v1/invoices", 200, 200, 200, 403, 200, 401);
    row("GET /api/v1/invoices/{id}", 200, 200, 200, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/pdf", 200, 200, 200, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/payments", 200, 200, 200, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/payments/{paymentId}/pdf", 200, 200, 200, 403, 404, 401);
    row("POST /api/v1/invoices/{id}/payments", 201, 201, 403, 403, 404, 401);
    // shop set-up
    row("GET /api/v1/shops/{shopId}/board", 200, 200, 200, 200, 404, 401);
    // the live board: the shop's staff (a stream that stays open: only its answer's status is checked)
    row("GET /api/v1/shops/{shopId}/events", 200, 200, 200, 200, 404, 401);
    row("GET /api/v1/shops/{shopId}/technicians", 200, 200, 200, 403, 404, 401);
    row("PUT /api/v1/shops/{shopId}/board", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/tax-rates", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{shopId}/tax-rates", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/canned-jobs", 200, 200, 200, 200, 404, 401);
    row("GET /api/v1/shops/{shopId}/document-settings", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{shopId}/document-settings", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/logo", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{shopId}/logo", 200, 200, 403, 403, 404, 401);
    row("DELETE /api/v1/shops/{shopId}/logo", 204, 204, 403, 403, 404, 401);
    row("POST /api/v1/shops/{shopId}/canned-jobs", 201, 201, 201, 403, 404, 401);
    // credit notes: money, owners and managers (of the invoice's shop, to issue one)
    row("POST /api/v1/invoices/{id}/credit-notes", 201, 201, 403, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/credit-notes", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/credit-notes/{creditNoteId}", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/invoices/{id}/credit-notes/{creditNoteId}/pdf", 200, 200, 403, 403, 404, 401);
    // attachment links: whoever may download the file; the signed link is its own credential (a forged one: 404)
    work("POST /api/v1/work-orders/{id}/attachments/{attachmentId}/download-link", 200, 200, 200, 200, 404, 404,
        401);
    row("GET /api/v1/work-orders/{id}/attachments/{attachmentId}/content", 404, 404, 404, 404, 404, 404);
    // batch (reports): an organization's owners and managers; another organization sees its own (empty) lists
    row("GET /api/v1/batch/schedules", 200, 200, 403, 403, 200, 401);
    row("POST /api/v1/batch/schedules", 201, 201, 403, 403, 201, 401);
    row("GET /api/v1/batch/schedules/{id}", 200, 200, 403, 403, 404, 401);
    row("PUT /api/v1/batch/schedules/{id}", 200, 200, 403, 403, 404, 401);
    row("DELETE /api/v1/batch/schedules/{id}", 204, 204, 403, 403, 404, 401);
    row("GET /api/v1/batch/executions", 200, 200, 403, 403, 200, 401);
    row("POST /api/v1/batch/executions", 201, 201, 403, 403, 201, 401);
    row("GET /api/v1/batch/executions/{id}", 200, 200, 403, 403, 404, 401);
    // a finished run: visible to its organization's owners and managers, who may neither stop nor restart it
    row("POST /api/v1/batch/executions/{id}/stop", 409, 409, 403, 403, 404, 401);
    row("POST /api/v1/batch/executions/{id}/restart", 409, 409, 403, 403, 404, 401);
    // parts inventory (issue 19): rows and fixtures in PartsMatrix
    PartsMatrix.rows(PermissionMatrixIT::row, PermissionMatrixIT::work);
    // office (issue 14): the accountant's export; a run's outputs with download links (the link is the credential)
    row("GET /api/v1/invoices/export", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/batch/executions/{id}/outputs", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/batch/executions/{id}/outputs/{index}/content", 404, 404, 404, 404, 404, 404);
    // the shop floor (issue 19.4): bays and hours are shop set-up; advisors book, technicians read the calendar
    row("GET /api/v1/shops/{shopId}/bays", 200, 200, 200, 200, 404, 401);
    row("POST /api/v1/shops/{shopId}/bays", 201, 201, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/opening-hours", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{shopId}/opening-hours", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/free-slots", 200, 200, 200, 200, 404, 401);
    row("POST /api/v1/appointments", 201, 201, 201, 403, 422, 401);
    row("GET /api/v1/appointments", 200, 200, 200, 200, 404, 401);
    row("GET /api/v1/appointments/{id}", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/appointments/{id}", 200, 200, 200, 403, 404, 401);
    row("POST /api/v1/appointments/{id}/check-in", 200, 200, 200, 403, 404, 401);
    row("POST /api/v1/appointments/{id}/no-show", 200, 200, 200, 403, 404, 401);
    // time clocks (19.5): every staff member clocks themselves; managers of the shop correct and read the figures
    row("POST /api/v1/clock-events", 201, 201, 201, 201, 422, 401);
    row("GET /api/v1/clock-entries", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/clock-entries/{id}", 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/shops/{shopId}/technician-time", 200, 200, 403, 403, 404, 401);
    // comebacks and vehicle history (19.6)
    work("POST /api/v1/work-orders/{id}/comeback", 201, 201, 201, 403, 403, 404, 401);
    work("GET /api/v1/work-orders/{id}/comeback", 200, 200, 200, 200, 404, 404, 401);
    work("PUT /api/v1/work-orders/{id}/lines/{lineId}/warranty", 200, 200, 200, 403, 403, 404, 401);
    row("GET /api/v1/vehicles/{id}/history", 200, 200, 200, 200, 404, 401);
    row("GET /api/v1/shops/{shopId}/warranty-window", 200, 200, 200, 200, 404, 401);
    row("PUT /api/v1/shops/{shopId}/warranty-window", 200, 200, 403, 403, 404, 401);
  }

  private static void row(String route, int... expected) {
    expect(route, SIX, expected);
  }

  private static void work(String route, int... expected) {
    expect(route, CALLERS, expected);
  }

  private static void expect(String route, List<String> callers, int... expected) {
    if (expected.length != callers.size()) {
      throw new IllegalArgumentException(route + ": " + callers.size() + " expectations needed");
    }
    Map<String, Integer> cells = new LinkedHashMap<>();
    for (int i = 0; i < expected.length; i++) {
      cells.put(callers.get(i), expected[i]);
    }
    MATRIX.put(route, cells);
  }

  private record Call(String path, Object body, Map<String, String> headers) {
  }

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** The mailed invitation and verification open the app's pages; the API has the same paths under /api/v1. */
  private static final Pattern INVITATION = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_.-]+)");
  private static final Pattern VERIFICATION = Pattern.compile(
      "https?://[^/\\s]+(/email-verifications/[A-Za-z0-9_.-]+)");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H',
      'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

  private final Map<String, String> tokens = new HashMap<>();
  private Api.Tenant owner;
  private String downtown;
  private String northside;

  @Test
  void everyRouteAndRoleMatchesThePermissionMatrix() {
    Response doc = Api.anonymous().basePath("/").accept("application/json").get("/openapi");
    doc.then().statusCode(200);
    Map<String, Map<String, Object>> paths = doc.jsonPath().getMap("paths");
    TreeSet<String> routes = new TreeSet<>();
    paths.forEach((path, operations) -> operations.keySet().stream()
        .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
        .forEach(m -> routes.add(m.toUpperCase() + " " + path)));
    routes.removeIf(r -> !r.contains(" /api/v1/"));
    assertThat(MATRIX.keySet()).as("every route of the OpenAPI document has a row in the matrix")
        .containsAll(routes);
    assertThat(routes).as("every row of the matrix is a route of the OpenAPI document")
        .containsAll(MATRIX.keySet());

    owner = Api.demoAs("OWNER");
    Response shops = owner.request().get("/shops");
    downtown = shops.path("items.find { it.name == 'Downtown' }.id");
    northside = shops.path("items.find { it.name == 'Northside' }.id");

    List<String> failures = new ArrayList<>();
    int cells = 0;
    int expectedCells = 0;
    for (String route : routes) {
      for (Map.Entry<String, Integer> cell : MATRIX.get(route).entrySet()) {
        String who = cell.getKey();
        int expected = cell.getValue();
        expectedCells++;
        Call call;
        Response response;
        try {
          call = prepare(route, who);
          response = send(route, who, call);
        } catch (AssertionError | RuntimeException e) {
          failures.add(route + " as " + who + ": fixture failed: " + e.getMessage());
          continue;
        }
        cells++;
        String text = response.asString();
        if (response.statusCode() != expected) {
          failures.add(route + " as " + who + ": expected " + expected + ", got " + response.statusCode() + " "
              + text.substring(0, Math.min(200, text.length())));
        } else if (response.statusCode() >= 400) {
          assertThat(response.contentType()).as(route + " as " + who).startsWith("application/problem+json");
        }
        if ("GET /api/v1/customers/{id}".equals(route) && "TECHNICIAN".equals(who)) {
          assertThat(response.jsonPath().getString("email")).as("technician sees no customer e-mail").isNull();
          assertThat(response.jsonPath().getString("phone")).as("technician sees no customer phone").isNull();
        }
        if ("GET /api/v1/work-orders/{id}".equals(route) && "TECHNICIAN".equals(who)) {
          assertThat(response.jsonPath().getList("lines.unitCost")).as("technician sees no part costs")
              .containsOnlyNulls();
          assertThat(response.jsonPath().getString("totals.cost")).as("technician sees no cost").isNull();
          assertThat(response.jsonPath().getString("totals.grossProfit")).as("nor the margin").isNull();
        }
      }
    }
    System.out.println("[PermissionMatrixIT] checked " + cells + " route x caller cells (" + routes.size()
        + " routes; 6 callers per route, 7 where the technician's assignment matters)");
    assertThat(failures).isEmpty();
    assertThat(Api.metrics())
        .containsPattern("security_events_total\\{[^}]*kind=\"forbidden\"");
    assertThat(cells).isEqualTo(expectedCells);
  }

  @Test
  void aManagerCannotChangeAShopTheyDoNotManageNorGrantOwnership() {
    Api.Tenant manager = Api.demoAs("MANAGER");
    Api.Tenant boss = Api.demoAs("OWNER");
    Response shops = boss.request().get("/shops");
    String north = shops.path("items.find { it.name == 'Northside' }.id");
    String down = shops.path("items.find { it.name == 'Downtown' }.id");
    String etag = manager.request().get("/shops/" + north).header("ETag");
    manager.request().header("If-Match", etag).body(Map.of("name", "Northside", "timeZone", "America/Chicago",
        "laborRate", "999.00")).put("/shops/" + north).then().statusCode(403);
    manager.request().body(newUser(down, "OWNER")).post("/users").then().statusCode(403);
    manager.request().body(newUser(north, "TECHNICIAN")).post("/users").then().statusCode(403);
  }

  @Test
  void aTechnicianSeesOnlyTheWorkAssignedToThemOnTheBoardAndById() {
    Api.Tenant boss = Api.newOrganization("assigned");
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "tess-" + unique + "@example.com";
    String password = "technician passphrase " + unique;
    String techId = boss.request().body(Map.of("email", email, "name", "Tess Tech", "password", password,
            "memberships", List.of(Map.of("shopId", boss.shopId(), "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201).extract().path("id");
    String token = Api.login(email, password);
    Function<String, Response> asTech = path -> Api.anonymous().header("Authorization", "Bearer " + token)
        .get(path);
    Shop shop = new Shop(boss);
    String customer = boss.createCustomer("Ann", "Assigned");
    String vehicle = shop.vehicleOf(customer);
    Function<List<String>, String> workOrder = technicians -> boss.request().body(Map.of("shopId", boss.shopId(),
            "customerId", customer, "vehicleId", vehicle, "technicianIds", technicians))
        .post("/work-orders").then().statusCode(201).extract().path("id");
    String onOrder = workOrder.apply(List.of(techId));
    String onLine = workOrder.apply(List.of());
    Map<String, Object> line = Shop.labor("Replace pads", "1", "100.00");
    line.put("technicianId", techId);
    boss.request().body(line).post("/work-orders/" + onLine + "/lines").then().statusCode(201);
    String notTheirs = workOrder.apply(List.of());

    assertThat(asTech.apply("/work-orders?shopId=" + boss.shopId()).then().statusCode(200).extract()
        .jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(onOrder, onLine);
    assertThat(boss.request().get("/work-orders?shopId=" + boss.shopId()).jsonPath().getList("items.id",
        String.class)).containsExactlyInAnyOrder(onOrder, onLine, notTheirs);
    asTech.apply("/work-orders/" + onLine).then().statusCode(200).body("lines[0].unitCost",
        org.hamcrest.Matchers.nullValue());
    for (String path : List.of("", "/status-history", "/approvals", "/inspection", "/attachments",
        "/recommendations")) {
      asTech.apply("/work-orders/" + notTheirs + path).then().statusCode(404)
          .contentType("application/problem+json");
    }
    Api.anonymous().header("Authorization", "Bearer " + token).body(Map.of("status", "IN_BAY"))
        .post("/work-orders/" + notTheirs + "/status").then().statusCode(404);
    Api.anonymous().header("Authorization", "Bearer " + token).body(Map.of("status", "IN_BAY"))
        .post("/work-orders/" + onOrder + "/status").then().statusCode(200);

    // taking the technician off the job takes their access at once
    String etag = boss.request().get("/work-orders/" + onOrder).header("ETag");
    boss.request().header("If-Match", etag).body(Map.of("technicianIds", List.of())).put("/work-orders/" + onOrder)
        .then().statusCode(200);
    asTech.apply("/work-orders/" + onOrder).then().statusCode(404);
  }

  @Test
  void shopSetUpAndMoneyBelongToTheManagersOfThatShop() {
    Api.Tenant manager = Api.demoAs("MANAGER");
    Api.Tenant boss = Api.demoAs("OWNER");
    Response shops = boss.request().get("/shops");
    String north = shops.path("items.find { it.name == 'Northside' }.id");
    manager.request().body(Map.of("items", List.of())).put("/shops/" + north + "/tax-rates").then().statusCode(403);
    manager.request().body(Map.of("columns", List.of(Map.of("code", "WAITING", "name", "Waiting", "next",
        List.of())))).put("/shops/" + north + "/board").then().statusCode(403);
    String customer = boss.createCustomer("Nora", "Northside");
    String vehicle = new Shop(boss).vehicleOf(customer);
    String id = boss.request().body(Map.of("shopId", north, "customerId", customer, "vehicleId", vehicle))
        .post("/work-orders").then().statusCode(201).extract().path("id");
    boss.request().body(Shop.priced("FEE", "Inspection", "80.00")).post("/work-orders/" + id + "/lines").then()
        .statusCode(201);
    boss.request().post("/work-orders/" + id + "/repair-order").then().statusCode(200);
    manager.request().post("/work-orders/" + id + "/invoice").then().statusCode(403)
        .contentType("application/problem+json");
    String invoice = boss.request().post("/work-orders/" + id + "/invoice").then().statusCode(201).extract()
        .path("id");
    manager.request().header("Idempotency-Key", "north-" + UUID.randomUUID()).body(Map.of("amount", "10.00",
        "method", "CASH")).post("/invoices/" + invoice + "/payments").then().statusCode(403);
  }

  private static Map<String, Object> newUser(String shopId, String role) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return Map.of("email", "staff-" + unique + "@demo-staff.example.com", "name", "Staff " + unique,
        "password", "a decent passphrase " + unique, "memberships", List.of(Map.of("shopId", shopId, "role", role)));
  }

  private String token(String who) {
    String user = "TECHNICIAN_UNASSIGNED".equals(who) ? "TECHNICIAN" : who;
    return tokens.computeIfAbsent(user, w -> "OTHER".equals(w) ? Api.newOrganization("matrix").token()
        : Api.demoAs(w).token());
  }

  private Response send(String route, String who, Call call) {
    String method = route.substring(0, route.indexOf(' '));
    if (route.endsWith("/events")) {
      return Streams.status(call.path(), "ANONYMOUS".equals(who) ? null : token(who));
    }
    RequestSpecification request = Api.anonymous().basePath("").header("X-Forwarded-For", Api.randomClientAddress());
    if (call.headers().containsKey("Authorization")) {
      request.header("Authorization", call.headers().get("Authorization"));
    } else if (!"ANONYMOUS".equals(who)) {
      request.header("Authorization", "Bearer " + token(who));
    }
    call.headers().forEach((k, v) -> {
      if ("Content-Type".equals(k)) {
        request.contentType(v);
      } else if (!"Authorization".equals(k)) {
        request.header(k, v);
      }
    });
    if (call.body() instanceof byte[] bytes) {
      request.body(bytes);
    } else if (call.body() != null) {
      request.body(call.body());
    }
    return request.request(method, call.path());
  }

  private String ownerCreates(String path, Object body) {
    return owner.request().body(body).post(path).then().statusCode(201).extract().path("id");
  }

  private String etagOf(String path) {
    return owner.request().get(path).then().statusCode(200).extract().header("ETag");
  }

  /** The refresh cookie of a new browser session of the demo advisor. */
  private static String browserSessionCookie() {
    return Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", "advisor@demo.mechanics.dev", "password", Api.DEMO_PASSWORD))
        .post("/auth/session").then().statusCode(200).extract().cookie("mechanics_refresh");
  }

  private String freshCustomer() {
    return ownerCreates("/customers", Map.of("firstName", "Matrix", "lastName", "Cell",
        "email", "cell-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "phone", "+1 555 123 4567"));
  }

  private String freshUser() {
    return ownerCreates("/users", newUser(downtown, "TECHNICIAN"));
  }

  /** The request for one cell: fresh objects for anything the call changes or destroys. */
  private Call prepare(String route, String who) {
    String self = "ANONYMOUS".equals(who) || "OTHER".equals(who) ? null : who;
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> none = Map.of();
    return switch (route) {
      case "POST /api/v1/organizations" -> new Call("/api/v1/organizations", Map.of("organizationName", "Org " + unique,
          "shopName", "Main", "timeZone", "UTC", "currency", "USD", "ownerName", "Owner",
          "ownerEmail", "owner-" + unique + "@matrix.example.com", "ownerPassword", "matrix passphrase " + unique),
          none);
      case "POST /api/v1/auth/login" -> new Call("/api/v1/auth/login",
          Map.of("email", "advisor@demo.mechanics.dev", "password", Api.DEMO_PASSWORD), none);
      case "POST /api/v1/auth/refresh" -> new Call("/api/v1/auth/refresh", Map.of("refreshToken",
          Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
              .body(Map.of("email", "advisor@demo.mechanics.dev", "password", Api.DEMO_PASSWORD))
              .post("/auth/login").path("refreshToken")), none);
      case "POST /api/v1/auth/logout" -> new Call("/api/v1/auth/logout", null, self == null && "OTHER".equals(who)
          ? Map.of("Authorization", "Bearer " + Api.newOrganization("logout").token())
          : self == null ? none : Map.of("Authorization", "Bearer " + Api.demoAs(self).token()));
      case "POST /api/v1/auth/session" -> new Call("/api/v1/auth/session",
          Map.of("email", "advisor@demo.mechanics.dev", "password", Api.DEMO_PASSWORD), none);
      case "POST /api/v1/auth/session/refresh" -> new Call("/api/v1/auth/session/refresh", null,
          Map.of("Cookie", "mechanics_refresh=" + browserSessionCookie()));
      case "DELETE /api/v1/auth/session" -> new Call("/api/v1/auth/session", null,
          Map.of("Cookie", "mechanics_refresh=" + browserSessionCookie()));
      case "POST /api/v1/auth/password" -> new Call("/api/v1/auth/password",
          Map.of("currentPassword", "not the current one", "newPassword", "whatever long enough"), none);
      case "GET /api/v1/health" -> new Call("/api/v1/health", null, none);
      case "GET /api/v1/me" -> new Call("/api/v1/me", null, none);
      case "GET /api/v1/shops" -> new Call("/api/v1/shops", null, none);
      case "POST /api/v1/shops" -> new Call("/api/v1/shops", Map.of("name", "Shop " + unique, "timeZone", "UTC"), none);
      case "GET /api/v1/shops/{id}" -> new Call("/api/v1/shops/" + downtown, null, none);
      case "PUT /api/v1/shops/{id}" -> new Call("/api/v1/shops/" + downtown, Map.of("name", "Downtown",
          "timeZone", "America/Chicago", "phone", "+1 312 555 0100", "address", "100 Main St, Chicago, IL",
          "laborRate", "145.00"), Map.of("If-Match", etagOf("/shops/" + downtown)));
      case "GET /api/v1/customers" -> new Call("/api/v1/customers", null, none);
      case "POST /api/v1/customers" -> new Call("/api/v1/customers", Map.of("firstName", "New", "lastName", unique),
          none);
      case "GET /api/v1/customers/{id}" -> new Call("/api/v1/customers/" + freshCustomer(), null, none);
      case "PUT /api/v1/customers/{id}" -> {
        String id = freshCustomer();
        yield new Call("/api/v1/customers/" + id, Map.of("firstName", "Changed", "lastName", "Cell"),
            Map.of("If-Match", etagOf("/customers/" + id)));
      }
      case "DELETE /api/v1/customers/{id}" -> new Call("/api/v1/customers/" + freshCustomer(), null, none);
      case "GET /api/v1/vehicles" -> new Call("/api/v1/vehicles", null, none);
      case "POST /api/v1/vehicles" -> new Call("/api/v1/vehicles", Map.of("customerId", freshCustomer(),
          "vin", Vins.random()), none);
      case "GET /api/v1/vehicles/{id}" -> new Call("/api/v1/vehicles/" + freshVehicle(), null, none);
      case "PUT /api/v1/vehicles/{id}" -> {
        String customer = freshCustomer();
        String id = ownerCreates("/vehicles", Map.of("customerId", customer, "vin", Vins.random()));
        yield new Call("/api/v1/vehicles/" + id, Map.of("customerId", customer, "vin", Vins.random(),
            "mileage", 1000), Map.of("If-Match", etagOf("/vehicles/" + id)));
      }
      case "GET /api/v1/users" -> new Call("/api/v1/users", null, none);
      case "POST /api/v1/users" -> new Call("/api/v1/users", newUser(downtown, "TECHNICIAN"), none);
      case "GET /api/v1/users/{id}" -> new Call("/api/v1/users/" + freshUser(), null, none);
      case "POST /api/v1/users/{id}/disable" -> new Call("/api/v1/users/" + freshUser() + "/disable", null, none);
      case "GET /api/v1/users/{id}/memberships" -> new Call("/api/v1/users/" + freshUser() + "/memberships", null,
          none);
      case "POST /api/v1/users/{id}/memberships" -> new Call("/api/v1/users/" + freshUser() + "/memberships",
          Map.of("shopId", downtown, "role", "SERVICE_ADVISOR"), none);
      case "DELETE /api/v1/users/{id}/memberships/{shopId}" -> new Call("/api/v1/users/" + freshUser()
          + "/memberships/" + downtown, null, none);
      case "GET /api/v1/audit" -> new Call("/api/v1/audit", null, none);
      case "GET /api/v1/audit/verify" -> new Call("/api/v1/audit/verify", null, none);
      case "POST /api/v1/users/{id}/invitation" -> new Call("/api/v1/users/" + invitedUser(unique).id()
          + "/invitation", null, none);
      case "POST /api/v1/invitations/{token}" -> new Call(invitedUser(unique).link(),
          Map.of("password", "invited passphrase " + unique), none);
      case "POST /api/v1/email-verifications" -> new Call("/api/v1/email-verifications", null, none);
      case "POST /api/v1/email-verifications/{token}" -> new Call(verificationLink(), null, none);
      default -> prepareWork(route, who, unique);
    };
  }

  /** Work orders, billing and shop set-up: fresh objects for every cell that changes them. */
  private Call prepareWork(String route, String who, String unique) {
    boolean assigned = !"TECHNICIAN_UNASSIGNED".equals(who);
    Map<String, String> none = Map.of();
    String wo = "/api/v1/work-orders/";
    return switch (route) {
      case "POST /api/v1/work-orders" -> new Call("/api/v1/work-orders", Map.of("shopId", downtown,
          "customerId", fixtureCustomer(), "vehicleId", fixtureVehicle(), "complaint", "Noise " + unique), none);
      case "GET /api/v1/work-orders" -> new Call("/api/v1/work-orders?shopId=" + downtown, null, none);
      case "GET /api/v1/work-orders/{id}" -> new Call(wo + shared(assigned).id(), null, none);
      case "PUT /api/v1/work-orders/{id}" -> {
        String id = workOrder(assigned, true);
        yield new Call(wo + id, Map.of("complaint", "Changed " + unique, "technicianIds",
            assigned ? List.of(technicianId()) : List.of()), Map.of("If-Match", etagOf("/work-orders/" + id)));
      }
      case "POST /api/v1/work-orders/{id}/lines" -> new Call(wo + workOrder(assigned, false) + "/lines",
          Shop.labor("Diagnose " + unique, "0.5", "120.00"), none);
      case "PUT /api/v1/work-orders/{id}/lines/{lineId}" -> {
        String id = workOrder(assigned, true);
        yield new Call(wo + id + "/lines/" + firstLine(id), Shop.labor("Changed " + unique, "1", "120.00"),
            Map.of("If-Match", etagOf("/work-orders/" + id)));
      }
      case "DELETE /api/v1/work-orders/{id}/lines/{lineId}" -> {
        String id = workOrder(assigned, true);
        yield new Call(wo + id + "/lines/" + firstLine(id), null, none);
      }
      case "POST /api/v1/work-orders/{id}/canned-jobs/{cannedJobId}" -> new Call(wo + workOrder(assigned, false)
          + "/canned-jobs/" + cannedJob(), null, none);
      case "POST /api/v1/work-orders/{id}/repair-order" -> new Call(wo + workOrder(assigned, true)
          + "/repair-order", null, none);
      case "POST /api/v1/work-orders/{id}/status" -> new Call(wo + workOrder(assigned, false) + "/status",
          Map.of("status", nextStatus()), none);
      case "GET /api/v1/work-orders/{id}/status-history" -> new Call(wo + shared(assigned).id()
          + "/status-history", null, none);
      case "GET /api/v1/work-orders/{id}/recommendations" -> new Call(wo + shared(assigned).id()
          + "/recommendations", null, none);
      case "POST /api/v1/work-orders/{id}/approval-link" -> new Call(wo + shared(assigned).id() + "/approval-link",
          Map.of(), none);
      case "POST /api/v1/work-orders/{id}/approvals" -> {
        String id = workOrder(assigned, true);
        yield new Call(wo + id + "/approvals", Map.of("approverName", "Carla on the phone", "method", "PHONE",
            "documentHash", owner.request().get("/work-orders/" + id + "/approvals").path("documentHash"),
            "decisions", List.of(Map.of("lineId", firstLine(id), "approved", true))), none);
      }
      case "GET /api/v1/work-orders/{id}/approvals" -> new Call(wo + shared(assigned).id() + "/approvals", null,
          none);
      case "GET /api/v1/work-orders/{id}/inspection" -> new Call(wo + shared(assigned).id() + "/inspection", null,
          none);
      case "PUT /api/v1/work-orders/{id}/inspection" -> new Call(wo + workOrder(assigned, false) + "/inspection",
          Map.of("items", List.of(Map.of("name", "Brake pads", "condition", "YELLOW", "notes", "3 mm left"))),
          none);
      case "POST /api/v1/work-orders/{id}/attachments" -> new Call(wo + shared(assigned).id()
          + "/attachments?name=cell.png", PNG, Map.of("Content-Type", "image/png"));
      case "GET /api/v1/work-orders/{id}/attachments" -> new Call(wo + shared(assigned).id() + "/attachments",
          null, none);
      case "GET /api/v1/work-orders/{id}/attachments/{attachmentId}" -> new Call(wo + shared(assigned).id()
          + "/attachments/" + shared(assigned).attachment(), null, none);
      case "POST /api/v1/work-orders/{id}/invoice" -> {
        String id = workOrder(assigned, true);
        owner.request().post("/work-orders/" + id + "/repair-order").then().statusCode(200);
        yield new Call(wo + id + "/invoice", null, none);
      }
      case "GET /api/v1/approvals/{token}" -> new Call(sharedApprovalLink(), null, none);
      case "POST /api/v1/approvals/{token}" -> {
        String link = approvalLink(workOrder(true, true));
        Response shown = Api.anonymous().basePath("").get(link);
        String hash = shown.path("documentHash");
        String line = shown.path("lines[0].id");
        yield new Call(link, Map.of("approverName", "Carla Driver", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", line, "approved", true))), none);
      }
      case "GET /api/v1/invoices" -> new Call("/api/v1/invoices", null, none);
      case "GET /api/v1/invoices/{id}" -> new Call("/api/v1/invoices/" + invoice(), null, none);
      case "GET /api/v1/invoices/{id}/pdf" -> new Call("/api/v1/invoices/" + invoice() + "/pdf", null, none);
      case "GET /api/v1/invoices/{id}/payments" -> new Call("/api/v1/invoices/" + invoice() + "/payments", null,
          none);
      case "POST /api/v1/invoices/{id}/payments" -> new Call("/api/v1/invoices/" + invoice() + "/payments",
          Map.of("amount", "1.00", "method", "CASH"), Map.of("Idempotency-Key", "matrix-" + unique));
      case "GET /api/v1/shops/{shopId}/board" -> new Call("/api/v1/shops/" + downtown + "/board", null, none);
      case "GET /api/v1/shops/{shopId}/technicians" -> new Call("/api/v1/shops/" + downtown + "/technicians", null,
          none);
      case "GET /api/v1/shops/{shopId}/events" -> new Call("/api/v1/shops/" + downtown + "/events", null,
          Map.of("Accept", "text/event-stream"));
      case "PUT /api/v1/shops/{shopId}/board" -> new Call("/api/v1/shops/" + downtown + "/board",
          Map.of("columns", owner.request().get("/shops/" + downtown + "/board").jsonPath()
              .getList("columns").stream().map(c -> {
                Map<?, ?> column = (Map<?, ?>) c;
                return Map.of("code", column.get("code"), "name", column.get("name"), "next", column.get("next"));
              }).toList()), none);
      case "GET /api/v1/shops/{shopId}/tax-rates" -> new Call("/api/v1/shops/" + downtown + "/tax-rates", null,
          none);
      case "PUT /api/v1/shops/{shopId}/tax-rates" -> new Call("/api/v1/shops/" + downtown + "/tax-rates",
          Map.of("items", owner.request().get("/shops/" + downtown + "/tax-rates").jsonPath().getList("items")),
          none);
      case "GET /api/v1/shops/{shopId}/canned-jobs" -> new Call("/api/v1/shops/" + downtown + "/canned-jobs", null,
          none);
      case "POST /api/v1/shops/{shopId}/canned-jobs" -> new Call("/api/v1/shops/" + downtown + "/canned-jobs",
          Map.of("name", "Oil change " + unique, "lines", List.of(Shop.labor("Oil change", "0.5", null),
              Shop.part("Oil filter", "1", "4.00", "12.00"))), none);
      default -> prepareLater(route, who, unique);
    };
  }

  /** Credit notes, attachment links and batch (reports). */
  private Call prepareLater(String route, String who, String unique) {
    boolean assigned = !"TECHNICIAN_UNASSIGNED".equals(who);
    Map<String, String> none = Map.of();
    String invoices = "/api/v1/invoices/";
    String attachment = "/api/v1/work-orders/" + shared(assigned).id() + "/attachments/" + shared(assigned).attachment();
    return switch (route) {
      case "POST /api/v1/invoices/{id}/credit-notes" -> new Call(invoices + invoice() + "/credit-notes",
          Map.of("reason", "Goodwill " + unique, "amount", "1.00"), Map.of("Idempotency-Key", "matrix-" + unique));
      case "GET /api/v1/work-orders/{id}/estimate/pdf" -> new Call("/api/v1/work-orders/" + workOrder(assigned, false)
          + "/estimate/pdf", null, none);
      case "GET /api/v1/work-orders/{id}/repair-order/pdf" -> new Call("/api/v1/work-orders/"
          + workOrder(assigned, false) + "/repair-order/pdf", null, none);
      case "GET /api/v1/approvals/{token}/pdf" -> new Call(sharedApprovalLink() + "/pdf", null, none);
      case "GET /api/v1/approvals/{token}/photos/{attachmentId}" -> new Call(sharedApprovalLink() + "/photos/"
          + shared(true).attachment(), null, none);
      case "GET /api/v1/invoices/{id}/payments/{paymentId}/pdf" -> new Call(invoices + invoice() + "/payments/"
          + payment() + "/pdf", null, none);
      case "GET /api/v1/shops/{shopId}/document-settings" -> new Call("/api/v1/shops/" + downtown
          + "/document-settings", null, none);
      case "PUT /api/v1/shops/{shopId}/document-settings" -> new Call("/api/v1/shops/" + downtown
          + "/document-settings", Map.of("legalName", "Demo Auto Care LLC", "language", "en-US"),
          Map.of("If-Match", etagOf("/shops/" + downtown)));
      case "GET /api/v1/shops/{shopId}/logo" -> {
        logo();
        yield new Call("/api/v1/shops/" + downtown + "/logo", null, none);
      }
      case "PUT /api/v1/shops/{shopId}/logo" -> new Call("/api/v1/shops/" + downtown + "/logo", SVG_LOGO,
          Map.of("Content-Type", "image/svg+xml"));
      case "DELETE /api/v1/shops/{shopId}/logo" -> {
        logo();
        yield new Call("/api/v1/shops/" + downtown + "/logo", null, none);
      }
      case "GET /api/v1/invoices/{id}/credit-notes" -> new Call(invoices + invoice() + "/credit-notes", null, none);
      case "GET /api/v1/invoices/{id}/credit-notes/{creditNoteId}" -> new Call(invoices + invoice()
          + "/credit-notes/" + creditNote(), null, none);
      case "GET /api/v1/invoices/{id}/credit-notes/{creditNoteId}/pdf" -> new Call(invoices + invoice()
          + "/credit-notes/" + creditNote() + "/pdf", null, none);
      case "POST /api/v1/work-orders/{id}/attachments/{attachmentId}/download-link" -> new Call(attachment
          + "/download-link", null, none);
      case "GET /api/v1/work-orders/{id}/attachments/{attachmentId}/content" -> new Call(attachment
          + "/content?token=forged." + unique, null, none);
      case "GET /api/v1/batch/schedules" -> new Call("/api/v1/batch/schedules", null, none);
      case "POST /api/v1/batch/schedules" -> new Call("/api/v1/batch/schedules", reportSchedule(unique), none);
      case "GET /api/v1/batch/schedules/{id}" -> new Call("/api/v1/batch/schedules/" + schedule(unique), null, none);
      case "PUT /api/v1/batch/schedules/{id}" -> {
        String id = schedule(unique);
        yield new Call("/api/v1/batch/schedules/" + id, reportSchedule(unique + "-changed"),
            Map.of("If-Match", etagOf("/batch/schedules/" + id)));
      }
      case "DELETE /api/v1/batch/schedules/{id}" -> new Call("/api/v1/batch/schedules/" + schedule(unique), null,
          none);
      case "GET /api/v1/batch/executions" -> new Call("/api/v1/batch/executions", null, none);
      case "POST /api/v1/batch/executions" -> new Call("/api/v1/batch/executions", Map.of("jobName",
          "daily-shop-report", "parameters", Map.of("date", "2020-01-01")), none);
      case "GET /api/v1/batch/executions/{id}" -> new Call("/api/v1/batch/executions/" + finishedRun(), null, none);
      case "POST /api/v1/batch/executions/{id}/stop" -> new Call("/api/v1/batch/executions/" + finishedRun()
          + "/stop", null, none);
      case "POST /api/v1/batch/executions/{id}/restart" -> new Call("/api/v1/batch/executions/" + finishedRun()
          + "/restart", null, none);
      case "GET /api/v1/invoices/export" -> new Call("/api/v1/invoices/export?shopId=" + downtown
          + "&from=2026-01-01&to=2026-12-31", null, none);
      case "GET /api/v1/batch/executions/{id}/outputs" -> new Call("/api/v1/batch/executions/" + finishedRun()
          + "/outputs", null, none);
      case "GET /api/v1/batch/executions/{id}/outputs/{index}/content" -> new Call("/api/v1/batch/executions/"
          + finishedRun() + "/outputs/0/content?token=forged." + unique, null, none);
      default -> {
        PartsMatrix.Fixture parts = partsMatrix().fixture(route, route.contains("/part-lines")
            ? ("POST /api/v1/work-orders/{id}/part-lines".equals(route) ? workOrder(assigned, false)
            : shared(assigned).id()) : null, unique);
        if (parts == null) {
          yield prepareFloor(route, who, unique);
        }
        yield new Call(parts.path(), parts.body(), parts.headers());
      }
    };
  }

  private PartsMatrix partsMatrix;

  private PartsMatrix partsMatrix() {
    if (partsMatrix == null) {
      partsMatrix = new PartsMatrix(owner, downtown, northside);
    }
    return partsMatrix;
  }

  /** Bays, opening hours and appointments in Downtown: each booking on a slot of its own. */
  private Call prepareFloor(String route, String who, String unique) {
    Map<String, String> none = Map.of();
    boolean assigned = !"TECHNICIAN_UNASSIGNED".equals(who);
    String shop = "/api/v1/shops/" + downtown;
    return switch (route) {
      case "GET /api/v1/shops/{shopId}/bays" -> new Call(shop + "/bays", null, none);
      case "POST /api/v1/shops/{shopId}/bays" -> new Call(shop + "/bays", Map.of("name", "Bay " + unique,
          "kind", "LIFT"), none);
      case "GET /api/v1/shops/{shopId}/opening-hours" -> new Call(shop + "/opening-hours", null, none);
      case "PUT /api/v1/shops/{shopId}/opening-hours" -> new Call(shop + "/opening-hours", Map.of("week",
          java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
              .map(d -> Map.of("day", d, "opens", "08:00", "closes", "18:00")).toList()),
          Map.of("If-Match", etagOf("/shops/" + downtown + "/opening-hours")));
      case "GET /api/v1/shops/{shopId}/free-slots" -> new Call(shop + "/free-slots?durationMinutes=60&from="
          + "2027-01-04&to=2027-01-08", null, none);
      case "POST /api/v1/appointments" -> new Call("/api/v1/appointments", booking(), none);
      case "GET /api/v1/appointments" -> new Call("/api/v1/appointments?shopId=" + downtown
          + "&from=2027-01-04&to=2027-01-08", null, none);
      case "GET /api/v1/appointments/{id}" -> new Call("/api/v1/appointments/" + appointment(), null, none);
      case "PUT /api/v1/appointments/{id}" -> {
        String id = appointment();
        Map<String, Object> move = new HashMap<>(booking());
        yield new Call("/api/v1/appointments/" + id, move, Map.of("If-Match", etagOf("/appointments/" + id)));
      }
      case "POST /api/v1/appointments/{id}/check-in" -> {
        String id = appointment();
        yield new Call("/api/v1/appointments/" + id + "/check-in", Map.of("mileageIn", 1000),
            Map.of("If-Match", etagOf("/appointments/" + id)));
      }
      case "POST /api/v1/appointments/{id}/no-show" -> {
        String id = appointment();
        yield new Call("/api/v1/appointments/" + id + "/no-show", null,
            Map.of("If-Match", etagOf("/appointments/" + id)));
      }
      case "POST /api/v1/clock-events" -> new Call("/api/v1/clock-events", Map.of("action", "JOB_ON",
          "shopId", downtown, "lineId", firstLine(workOrder(true, true))),
          Map.of("Idempotency-Key", "matrix-clock-" + unique));
      case "GET /api/v1/clock-entries" -> new Call("/api/v1/clock-entries?shopId=" + downtown + "&from=2026-01-01"
          + "&to=2026-02-01", null, none);
      case "PUT /api/v1/clock-entries/{id}" -> {
        Response on = owner.request().header("Idempotency-Key", "matrix-entry-" + unique)
            .body(Map.of("action", "JOB_ON", "shopId", downtown, "lineId", firstLine(workOrder(true, true))))
            .post("/clock-events");
        on.then().statusCode(201);
        yield new Call("/api/v1/clock-entries/" + on.path("id"), Map.of("startedAt", "2026-11-02T13:00:00Z",
            "endedAt", "2026-11-02T14:00:00Z", "reason", "Matrix correction"), Map.of("If-Match", on.header("ETag")));
      }
      case "GET /api/v1/shops/{shopId}/technician-time" -> new Call(shop + "/technician-time?from=2026-01-01"
          + "&to=2026-01-31", null, none);
      case "POST /api/v1/work-orders/{id}/comeback" -> {
        String original = invoicedOriginal();   // first: the original must be the earlier work order
        yield new Call("/api/v1/work-orders/" + workOrder(assigned, false) + "/comeback",
            Map.of("originalWorkOrderId", original, "reason", "Matrix comeback"), none);
      }
      case "PUT /api/v1/work-orders/{id}/lines/{lineId}/warranty" -> {
        String original = invoicedOriginal();   // first: the original must be the earlier work order
        String id = workOrder(assigned, true);
        owner.request().body(Map.of("originalWorkOrderId", original, "reason", "Matrix warranty"))
            .post("/work-orders/" + id + "/comeback").then().statusCode(201);
        yield new Call("/api/v1/work-orders/" + id + "/lines/" + firstLine(id) + "/warranty",
            Map.of("warranty", true), Map.of("If-Match", etagOf("/work-orders/" + id)));
      }
      case "GET /api/v1/work-orders/{id}/comeback" -> new Call("/api/v1/work-orders/" + markedComeback(assigned)
          + "/comeback", null, none);
      case "GET /api/v1/vehicles/{id}/history" -> new Call("/api/v1/vehicles/" + fixtureVehicle() + "/history", null,
          none);
      case "GET /api/v1/shops/{shopId}/warranty-window" -> new Call(shop + "/warranty-window", null, none);
      case "PUT /api/v1/shops/{shopId}/warranty-window" -> new Call(shop + "/warranty-window", Map.of("days", 90,
          "miles", 4000), Map.of("If-Match", etagOf("/shops/" + downtown + "/warranty-window")));
      default -> throw new IllegalStateException("no fixture for " + route + " (add it with its matrix row)");
    };
  }

  private String invoicedOriginal;
  private final Map<Boolean, String> comebacks = new HashMap<>();

  /** An invoiced work order of the fixture vehicle: what the comebacks redo. */
  private String invoicedOriginal() {
    if (invoicedOriginal == null) {
      invoicedOriginal = workOrder(true, true);
      owner.request().post("/work-orders/" + invoicedOriginal + "/repair-order").then().statusCode(200);
      owner.request().post("/work-orders/" + invoicedOriginal + "/invoice").then().statusCode(201);
    }
    return invoicedOriginal;
  }

  private String markedComeback(boolean assigned) {
    String original = invoicedOriginal();   // first: the original must be the earlier work order
    return comebacks.computeIfAbsent(assigned, a -> {
      String id = workOrder(a, false);
      owner.request().body(Map.of("originalWorkOrderId", original, "reason", "Matrix comeback"))
          .post("/work-orders/" + id + "/comeback").then().statusCode(201);
      return id;
    });
  }

  private String bay;
  private int slots;

  /** A booking of Downtown's matrix bay on the next free hour of a weekday of January 2027 (Chicago time). */
  private Map<String, Object> booking() {
    if (bay == null) {
      bay = ownerCreates("/shops/" + downtown + "/bays", Map.of("name", "Matrix bay", "kind", "LIFT"));
    }
    int slot = slots++;
    int day = slot / 8;
    java.time.LocalDate date = java.time.LocalDate.of(2027, 1, 4).plusDays(day / 5 * 7 + day % 5);
    java.time.Instant start = date.atTime(8 + slot % 8, 0).atZone(java.time.ZoneId.of("America/Chicago"))
        .toInstant();
    Map<String, Object> body = new HashMap<>();
    body.put("shopId", downtown);
    body.put("customerId", fixtureCustomer());
    body.put("vehicleId", fixtureVehicle());
    body.put("requestedWork", "Matrix booking");
    body.put("bayId", bay);
    body.put("startsAt", start.toString());
    body.put("durationMinutes", 60);
    return body;
  }

  private String appointment() {
    return ownerCreates("/appointments", booking());
  }

  private String creditNote;
  private String finishedRun;

  private String creditNote() {
    if (creditNote == null) {
      creditNote = owner.request().header("Idempotency-Key", "matrix-fixture-" + UUID.randomUUID())
          .body(Map.of("reason", "Fixture", "amount", "2.00")).post("/invoices/" + invoice() + "/credit-notes")
          .then().statusCode(201).extract().path("id");
    }
    return creditNote;
  }

  private static Map<String, Object> reportSchedule(String label) {
    return Map.of("jobName", "daily-shop-report", "cron", "0 7 * * *", "timeZone", "UTC",
        "recipients", List.of("report-" + label + "@example.com"), "parameters", Map.of());
  }

  /** A fresh schedule of the demo chain for each cell (DELETE and PUT change it). */
  private String schedule(String label) {
    return ownerCreates("/batch/schedules", reportSchedule(label));
  }

  /** A report run of the demo chain that has ended (over a day without data). */
  private String finishedRun() {
    if (finishedRun == null) {
      String id = owner.request().body(Map.of("jobName", "daily-shop-report", "parameters",
          Map.of("date", "2020-01-02"))).post("/batch/executions").then().statusCode(201).extract()
          .path("executionId").toString();
      for (int i = 0; i < 240; i++) {
        String status = owner.request().get("/batch/executions/" + id).then().statusCode(200).extract()
            .path("status");
        if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status)) {
          finishedRun = id;
          return id;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException("report run " + id + " did not end");
    }
    return finishedRun;
  }

  // ---- fixtures: the demo chain's Downtown shop, made by its owner ----

  private String technician;
  private String customer;
  private String vehicle;
  private String cannedJob;
  private String nextStatus;
  private String invoice;
  private String approvalLink;
  private final Map<Boolean, SharedWork> sharedWork = new HashMap<>();

  /** A work order (assigned to the demo technician or not) with lines, an attachment and an inspection. */
  private record SharedWork(String id, String attachment) {
  }

  private record Invited(String id, String link) {
  }

  private String technicianId() {
    if (technician == null) {
      technician = Api.demoAs("TECHNICIAN").request().get("/me").then().statusCode(200).extract().path("id");
    }
    return technician;
  }

  private String fixtureCustomer() {
    if (customer == null) {
      customer = freshCustomer();
    }
    return customer;
  }

  private String fixtureVehicle() {
    if (vehicle == null) {
      vehicle = ownerCreates("/vehicles", Map.of("customerId", fixtureCustomer(), "vin", Vins.random()));
    }
    return vehicle;
  }

  private String workOrder(boolean assigned, boolean withLines) {
    String id = ownerCreates("/work-orders", Map.of("shopId", downtown, "customerId", fixtureCustomer(),
        "vehicleId", fixtureVehicle(), "complaint", "Matrix cell",
        "technicianIds", assigned ? List.of(technicianId()) : List.of()));
    if (withLines) {
      owner.request().body(Shop.labor("Replace brake pads", "1.5", "110.00")).post("/work-orders/" + id + "/lines")
          .then().statusCode(201);
      owner.request().body(Shop.part("Brake pads", "1", "25.00", "59.90")).post("/work-orders/" + id + "/lines")
          .then().statusCode(201);
    }
    return id;
  }

  private String firstLine(String workOrder) {
    return owner.request().get("/work-orders/" + workOrder).then().statusCode(200).extract().path("lines[0].id");
  }

  private SharedWork shared(boolean assigned) {
    return sharedWork.computeIfAbsent(assigned, a -> {
      String id = workOrder(a, true);
      String attachment = owner.request().contentType("image/png").body(PNG)
          .post("/work-orders/" + id + "/attachments").then().statusCode(201).extract().path("id");
      owner.request().body(Map.of("items", List.of(Map.of("name", "Tyres", "condition", "GREEN"))))
          .put("/work-orders/" + id + "/inspection").then().statusCode(200);
      return new SharedWork(id, attachment);
    });
  }

  private String cannedJob() {
    if (cannedJob == null) {
      cannedJob = ownerCreates("/shops/" + downtown + "/canned-jobs", Map.of("name", "Matrix brake job",
          "lines", List.of(Shop.labor("Replace front pads", "1", null), Shop.part("Front pads", "1", "20.00",
              "49.90"))));
    }
    return cannedJob;
  }

  /** Where a new work order may move from the first column of Downtown's board. */
  private String nextStatus() {
    if (nextStatus == null) {
      nextStatus = owner.request().get("/shops/" + downtown + "/board").then().statusCode(200).extract()
          .path("columns[0].next[0]");
    }
    return nextStatus;
  }

  /** An invoice large enough for every cell's 1.00 payment. */
  private static final byte[] SVG_LOGO = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\">"
      + "<rect width=\"120\" height=\"40\" fill=\"#1f5f8b\"/></svg>").getBytes(StandardCharsets.UTF_8);

  /** Downtown has a logo (the delete cells remove it). */
  private void logo() {
    owner.request().contentType("image/svg+xml").body(SVG_LOGO).put("/shops/" + downtown + "/logo").then()
        .statusCode(200);
  }

  private String payment;

  private String payment() {
    if (payment == null) {
      payment = owner.request().header("Idempotency-Key", "matrix-receipt-" + UUID.randomUUID())
          .body(Map.of("amount", "1.00", "method", "CARD", "reference", "VISA 4242"))
          .post("/invoices/" + invoice() + "/payments").then().statusCode(201).extract().path("id");
    }
    return payment;
  }

  private String invoice() {
    if (invoice == null) {
      String id = workOrder(true, false);
      owner.request().body(Shop.priced("FEE", "Fleet service", "500.00")).post("/work-orders/" + id + "/lines")
          .then().statusCode(201);
      invoice = new Shop(owner).invoiced(id);
    }
    return invoice;
  }

  private String approvalLink(String workOrder) {
    String url = owner.request().body(Map.of()).post("/work-orders/" + workOrder + "/approval-link").then()
        .statusCode(201).extract().path("url");
    return url.substring(url.indexOf("/api/v1/"));
  }

  private String sharedApprovalLink() {
    if (approvalLink == null) {
      approvalLink = approvalLink(shared(true).id());
    }
    return approvalLink;
  }

  /** A technician invited (no password) by the owner; the link is read from the mail they got. */
  private Invited invitedUser(String unique) {
    String email = "invited-" + unique + "@demo-staff.example.com";
    String id = ownerCreates("/users", Map.of("email", email, "name", "Invited " + unique,
        "memberships", List.of(Map.of("shopId", downtown, "role", "TECHNICIAN"))));
    return new Invited(id, invitationLink(email));
  }

  /** A new staff member asks to verify their address; the link is read from the mail they got. */
  private String verificationLink() {
    Map<String, Object> user = newUser(downtown, "TECHNICIAN");
    ownerCreates("/users", user);
    String token = Api.login((String) user.get("email"), (String) user.get("password"));
    Api.anonymous().header("Authorization", "Bearer " + token).post("/email-verifications").then().statusCode(200);
    return mailedLink((String) user.get("email"), VERIFICATION);
  }

  static String invitationLink(String email) {
    return mailedLink(email, INVITATION);
  }

  private static String mailedLink(String email, Pattern pattern) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage message : MAIL.getReceivedMessages()) {
        try {
          if (message.getAllRecipients()[0].toString().equals(email)) {
            Matcher link = pattern.matcher(Mails.text(message));
            if (link.find()) {
              return "/api/v1" + link.group(1);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no mail with such a link to " + email);
  }

  private String freshVehicle() {
    return ownerCreates("/vehicles", Map.of("customerId", freshCustomer(), "vin", Vins.random()));
  }
}
