package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Vins;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Walks every route of the OpenAPI document with each role of the demo chain, with another organization's
 * owner and without a token, and checks each cell against docs/permissions.md. Objects are the demo chain's, so
 * for the other organization every id is foreign (404); a forbidden action on a visible object is 403.
 */
class PermissionMatrixIT {

  private static final List<String> CALLERS = List.of("OWNER", "MANAGER", "SERVICE_ADVISOR", "TECHNICIAN", "OTHER",
      "ANONYMOUS");

  /**
   * route -> expected status per caller, in the order of {@link #CALLERS}. A new route in the OpenAPI document
   * without a row here fails the test: its permissions must be decided and written down first.
   */
  private static final Map<String, int[]> MATRIX = new LinkedHashMap<>();

  static {
    row("POST /api/v1/organizations", 201, 201, 201, 201, 201, 201);
    row("POST /api/v1/auth/login", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/auth/refresh", 200, 200, 200, 200, 200, 200);
    row("POST /api/v1/auth/logout", 204, 204, 204, 204, 204, 401);
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
  }

  /**
   * Contexts that arrived after the matrix (work orders and billing, issue 4; batch, issue 6): their role checks
   * are declared on the resources and covered by their own ITs (WorkOrderIT, PaymentIT, ApprovalIT, BatchIT), but
   * their cells are not in docs/permissions.md yet. Listed here, by prefix, so that any OTHER new route without a
   * row still fails this test; moving these into the matrix is the open follow-up.
   */
  private static final List<String> NOT_YET_IN_MATRIX = List.of(" /api/v1/work-orders", " /api/v1/invoices",
      " /api/v1/approvals", " /api/v1/batch/", " /api/v1/shops/{shopId}/");

  private static void row(String route, int... expected) {
    MATRIX.put(route, expected);
  }

  private record Call(String path, Object body, Map<String, String> headers) {
  }

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
    routes.removeIf(r -> NOT_YET_IN_MATRIX.stream().anyMatch(r::contains));
    assertThat(MATRIX.keySet()).as("every route of the OpenAPI document has a row in the matrix")
        .containsAll(routes);

    owner = Api.demoAs("OWNER");
    Response shops = owner.request().get("/shops");
    downtown = shops.path("items.find { it.name == 'Downtown' }.id");
    northside = shops.path("items.find { it.name == 'Northside' }.id");

    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (String route : routes) {
      int[] expected = MATRIX.get(route);
      for (int i = 0; i < CALLERS.size(); i++) {
        String who = CALLERS.get(i);
        Call call = prepare(route, who);
        Response response = send(route, who, call);
        cells++;
        if (response.statusCode() != expected[i]) {
          failures.add(route + " as " + who + ": expected " + expected[i] + ", got " + response.statusCode() + " "
              + response.asString().substring(0, Math.min(200, response.asString().length())));
        } else if (response.statusCode() >= 400) {
          assertThat(response.contentType()).as(route + " as " + who).startsWith("application/problem+json");
        }
        if ("GET /api/v1/customers/{id}".equals(route) && "TECHNICIAN".equals(who)) {
          assertThat(response.jsonPath().getString("email")).as("technician sees no customer e-mail").isNull();
          assertThat(response.jsonPath().getString("phone")).as("technician sees no customer phone").isNull();
        }
      }
    }
    System.out.println("[PermissionMatrixIT] checked " + cells + " route x caller cells (" + routes.size()
        + " routes x " + CALLERS.size() + " callers)");
    assertThat(failures).isEmpty();
    assertThat(Api.anonymous().basePath("").get("/metrics").asString())
        .containsPattern("security_events_total\\{[^}]*kind=\"forbidden\"");
    assertThat(cells).isGreaterThanOrEqualTo(MATRIX.size() * CALLERS.size());
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

  private static Map<String, Object> newUser(String shopId, String role) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return Map.of("email", "staff-" + unique + "@demo-staff.example.com", "name", "Staff " + unique,
        "password", "a decent passphrase " + unique, "memberships", List.of(Map.of("shopId", shopId, "role", role)));
  }

  private String token(String who) {
    return tokens.computeIfAbsent(who, w -> "OTHER".equals(w) ? Api.newOrganization("matrix").token()
        : Api.demoAs(w).token());
  }

  private Response send(String route, String who, Call call) {
    String method = route.substring(0, route.indexOf(' '));
    RequestSpecification request = Api.anonymous().basePath("").header("X-Forwarded-For", Api.randomClientAddress());
    if (call.headers().containsKey("Authorization")) {
      request.header("Authorization", call.headers().get("Authorization"));
    } else if (!"ANONYMOUS".equals(who)) {
      request.header("Authorization", "Bearer " + token(who));
    }
    call.headers().forEach((k, v) -> {
      if (!"Authorization".equals(k)) {
        request.header(k, v);
      }
    });
    if (call.body() != null) {
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
      default -> throw new IllegalStateException("no fixture for " + route + " (add it with its matrix row)");
    };
  }

  private String freshVehicle() {
    return ownerCreates("/vehicles", Map.of("customerId", freshCustomer(), "vin", Vins.random()));
  }
}
