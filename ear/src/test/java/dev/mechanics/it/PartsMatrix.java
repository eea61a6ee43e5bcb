package dev.mechanics.it;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The parts-inventory rows of {@link PermissionMatrixIT} and their fixtures, kept beside it so the matrix stays
 * readable: objects are the demo chain's, made by its owner in Downtown (whose manager and advisor the demo
 * users are); every cell that changes something gets fresh objects.
 */
final class PartsMatrix {

  /** Route, expected status per caller: O, M, A, T, other organization, anonymous. */
  static void rows(BiConsumer<String, int[]> row, BiConsumer<String, int[]> work) {
    row.accept("GET /api/v1/parts", new int[] {200, 200, 200, 200, 200, 401});
    row.accept("POST /api/v1/parts", new int[] {201, 201, 403, 403, 201, 401});
    row.accept("GET /api/v1/parts/{id}", new int[] {200, 200, 200, 200, 404, 401});
    row.accept("PUT /api/v1/parts/{id}", new int[] {200, 200, 403, 403, 404, 401});
    row.accept("GET /api/v1/parts/pricing-matrix", new int[] {200, 200, 200, 403, 200, 401});
    row.accept("PUT /api/v1/parts/pricing-matrix", new int[] {200, 200, 403, 403, 200, 401});
    row.accept("GET /api/v1/shops/{shopId}/stock", new int[] {200, 200, 200, 200, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/stock/{partId}", new int[] {200, 200, 200, 200, 404, 401});
    row.accept("PUT /api/v1/shops/{shopId}/stock/{partId}", new int[] {200, 200, 403, 403, 404, 401});
    row.accept("POST /api/v1/shops/{shopId}/stock/{partId}/counts", new int[] {200, 200, 403, 403, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/stock/{partId}/movements", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/inventory-settings", new int[] {200, 200, 200, 200, 404, 401});
    row.accept("PUT /api/v1/shops/{shopId}/inventory-settings", new int[] {200, 200, 403, 403, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/purchase-orders", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/shops/{shopId}/purchase-orders", new int[] {201, 201, 201, 403, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/purchase-orders/proposals", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("GET /api/v1/purchase-orders/{id}", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/purchase-orders/{id}/order", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/purchase-orders/{id}/cancel", new int[] {200, 200, 403, 403, 404, 401});
    row.accept("POST /api/v1/purchase-orders/{id}/receipts", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/transfers", new int[] {201, 201, 201, 403, 422, 401});
    row.accept("GET /api/v1/transfers/{id}", new int[] {200, 200, 200, 200, 404, 401});
    row.accept("POST /api/v1/transfers/{id}/ship", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/transfers/{id}/receipts", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("POST /api/v1/transfers/{id}/cancel", new int[] {200, 200, 200, 403, 404, 401});
    row.accept("GET /api/v1/shops/{shopId}/transfers", new int[] {200, 200, 200, 200, 404, 401});
    work.accept("POST /api/v1/work-orders/{id}/part-lines", new int[] {201, 201, 201, 403, 403, 404, 401});
    work.accept("GET /api/v1/work-orders/{id}/part-lines", new int[] {200, 200, 200, 200, 404, 404, 401});
  }

  record Fixture(String path, Object body, Map<String, String> headers) {
  }

  private final Api.Tenant owner;
  private final String downtown;
  private final String northside;
  private String sharedPart;

  PartsMatrix(Api.Tenant owner, String downtown, String northside) {
    this.owner = owner;
    this.downtown = downtown;
    this.northside = northside;
  }

  /** The call for one cell of a parts route, or null when the route is not one of these. */
  Fixture fixture(String route, String workOrder, String unique) {
    String api = "/api/v1";
    Map<String, String> none = Map.of();
    String stock = api + "/shops/" + downtown + "/stock/";
    return switch (route) {
      case "GET /api/v1/parts" -> new Fixture(api + "/parts?q=MX", null, none);
      case "POST /api/v1/parts" -> new Fixture(api + "/parts", partBody("MX-" + unique), none);
      case "GET /api/v1/parts/{id}" -> new Fixture(api + "/parts/" + part(), null, none);
      case "PUT /api/v1/parts/{id}" -> {
        String id = newPart(unique);
        yield new Fixture(api + "/parts/" + id, partBody("MX-" + unique + "-2"), Map.of("If-Match", etag("/parts/"
            + id)));
      }
      case "GET /api/v1/parts/pricing-matrix" -> new Fixture(api + "/parts/pricing-matrix", null, none);
      case "PUT /api/v1/parts/pricing-matrix" -> new Fixture(api + "/parts/pricing-matrix", Map.of("tiers",
          List.of(Map.of("upToCost", "10.00", "markupPercent", "80"), Map.of("markupPercent", "40"))),
          Map.of("If-Match", "*"));
      case "GET /api/v1/shops/{shopId}/stock" -> new Fixture(api + "/shops/" + downtown + "/stock", null, none);
      case "GET /api/v1/shops/{shopId}/stock/{partId}" -> new Fixture(stock + part(), null, none);
      case "PUT /api/v1/shops/{shopId}/stock/{partId}" -> new Fixture(stock + newPart(unique), Map.of("bin", "B1",
          "reorderPoint", "1", "reorderQuantity", "4"), Map.of("If-Match", "*"));
      case "POST /api/v1/shops/{shopId}/stock/{partId}/counts" -> new Fixture(stock + newPart(unique) + "/counts",
          Map.of("counted", "5", "reason", "Found in the back"), Map.of("If-Match", "*"));
      case "GET /api/v1/shops/{shopId}/stock/{partId}/movements" -> new Fixture(stock + part() + "/movements", null,
          none);
      case "GET /api/v1/shops/{shopId}/inventory-settings" -> new Fixture(api + "/shops/" + downtown
          + "/inventory-settings", null, none);
      case "PUT /api/v1/shops/{shopId}/inventory-settings" -> new Fixture(api + "/shops/" + downtown
          + "/inventory-settings", Map.of("allowBackorders", false), Map.of("If-Match", "*"));
      case "GET /api/v1/shops/{shopId}/purchase-orders" -> new Fixture(api + "/shops/" + downtown
          + "/purchase-orders", null, none);
      case "POST /api/v1/shops/{shopId}/purchase-orders" -> new Fixture(api + "/shops/" + downtown
          + "/purchase-orders", orderBody(part(), "1"), none);
      case "GET /api/v1/shops/{shopId}/purchase-orders/proposals" -> new Fixture(api + "/shops/" + downtown
          + "/purchase-orders/proposals", null, none);
      case "GET /api/v1/purchase-orders/{id}" -> new Fixture(api + "/purchase-orders/" + draft(downtown, part(), "1")
          .path("id"), null, none);
      case "POST /api/v1/purchase-orders/{id}/order" -> {
        Response draft = draft(downtown, part(), "1");
        yield new Fixture(api + "/purchase-orders/" + draft.path("id") + "/order", null,
            Map.of("If-Match", draft.header("ETag")));
      }
      case "POST /api/v1/purchase-orders/{id}/cancel" -> {
        Response draft = draft(downtown, part(), "1");
        yield new Fixture(api + "/purchase-orders/" + draft.path("id") + "/cancel", Map.of("reason", "Matrix"),
            Map.of("If-Match", draft.header("ETag")));
      }
      case "POST /api/v1/purchase-orders/{id}/receipts" -> {
        Response ordered = ordered(downtown, part(), "1");
        yield new Fixture(api + "/purchase-orders/" + ordered.path("id") + "/receipts", Map.of("lines",
            List.of(Map.of("lineId", ordered.path("lines[0].id"), "quantity", "1"))),
            Map.of("Idempotency-Key", "matrix-" + unique));
      }
      case "POST /api/v1/transfers" -> new Fixture(api + "/transfers", transferBody(downtown, northside, part()),
          Map.of("Idempotency-Key", "matrix-" + unique));
      case "GET /api/v1/transfers/{id}" -> new Fixture(api + "/transfers/" + transfer(downtown, northside)
          .path("id"), null, none);
      case "POST /api/v1/transfers/{id}/ship" -> {
        stockUp(downtown, part());
        Response t = transfer(downtown, northside);
        yield new Fixture(api + "/transfers/" + t.path("id") + "/ship", null, Map.of("If-Match", t.header("ETag")));
      }
      case "POST /api/v1/transfers/{id}/receipts" -> {
        stockUp(northside, part());
        Response t = transfer(northside, downtown);
        Response shipped = owner.request().header("If-Match", t.header("ETag")).post("/transfers/" + t.path("id")
            + "/ship");
        shipped.then().statusCode(200);
        yield new Fixture(api + "/transfers/" + t.path("id") + "/receipts", Map.of("lines", List.of(Map.of(
            "lineId", shipped.path("lines[0].id"), "quantity", "1"))), Map.of("Idempotency-Key", "matrix-" + unique));
      }
      case "POST /api/v1/transfers/{id}/cancel" -> {
        Response t = transfer(downtown, northside);
        yield new Fixture(api + "/transfers/" + t.path("id") + "/cancel", null, Map.of("If-Match", t.header("ETag")));
      }
      case "GET /api/v1/shops/{shopId}/transfers" -> new Fixture(api + "/shops/" + downtown + "/transfers", null,
          none);
      case "POST /api/v1/work-orders/{id}/part-lines" -> {
        stockUp(downtown, part());
        yield new Fixture(api + "/work-orders/" + workOrder + "/part-lines", Map.of("partId", part(), "quantity",
            "1"), none);
      }
      case "GET /api/v1/work-orders/{id}/part-lines" -> new Fixture(api + "/work-orders/" + workOrder
          + "/part-lines", null, none);
      default -> null;
    };
  }

  private static Map<String, Object> partBody(String number) {
    return Map.of("partNumber", number, "brand", "Bosch", "description", "Matrix filter", "vendor", "Matrix Parts",
        "unitCost", "4.00");
  }

  private String newPart(String unique) {
    return owner.request().body(partBody("MXP-" + unique + "-" + UUID.randomUUID().toString().substring(0, 4)))
        .post("/parts").then().statusCode(201).extract().path("id");
  }

  private String part() {
    if (sharedPart == null) {
      sharedPart = newPart("shared");
    }
    return sharedPart;
  }

  private String etag(String path) {
    return owner.request().get(path).then().statusCode(200).extract().header("ETag");
  }

  private static Map<String, Object> orderBody(String part, String quantity) {
    return Map.of("vendor", "Matrix Parts", "lines", List.of(Map.of("partId", part, "quantity", quantity)));
  }

  private Response draft(String shop, String part, String quantity) {
    Response r = owner.request().body(orderBody(part, quantity)).post("/shops/" + shop + "/purchase-orders");
    r.then().statusCode(201);
    return r;
  }

  private Response ordered(String shop, String part, String quantity) {
    Response draft = draft(shop, part, quantity);
    Response r = owner.request().header("If-Match", draft.header("ETag")).post("/purchase-orders/"
        + draft.path("id") + "/order");
    r.then().statusCode(200);
    return r;
  }

  private void stockUp(String shop, String part) {
    Response ordered = ordered(shop, part, "2");
    owner.request().header("Idempotency-Key", "stock-" + UUID.randomUUID()).body(Map.of("lines", List.of(Map.of(
        "lineId", ordered.path("lines[0].id"), "quantity", "2")))).post("/purchase-orders/" + ordered.path("id")
        + "/receipts").then().statusCode(200);
  }

  private static Map<String, Object> transferBody(String from, String to, String part) {
    return Map.of("fromShopId", from, "toShopId", to, "lines", List.of(Map.of("partId", part, "quantity", "1")));
  }

  private Response transfer(String from, String to) {
    Response r = owner.request().header("Idempotency-Key", "t-" + UUID.randomUUID()).body(transferBody(from, to,
        part())).post("/transfers");
    r.then().statusCode(201);
    return r;
  }
}
