package dev.mechanics.it.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the usual work-order fixtures (customer, vehicle, estimate with lines) for one signed-in caller. */
public final class Shop {

  private final Api.Tenant tenant;

  public Shop(Api.Tenant tenant) {
    this.tenant = tenant;
  }

  public String vehicleOf(String customerId) {
    return tenant.request().body(Map.of("customerId", customerId, "vin", Vins.random(), "make", "Toyota",
            "model", "Corolla", "year", 2017, "mileage", 120000))
        .post("/vehicles").then().statusCode(201).extract().path("id");
  }

  /** A new estimate for a new customer's vehicle; returns its id. */
  public String estimate() {
    String customer = tenant.createCustomer("Carla", "Driver");
    return estimateFor(customer, vehicleOf(customer));
  }

  public String estimateFor(String customer, String vehicle) {
    return tenant.request().body(Map.of("shopId", tenant.shopId(), "customerId", customer, "vehicleId", vehicle,
            "mileageIn", 120500, "complaint", "Grinding noise when braking"))
        .post("/work-orders").then().statusCode(201).extract().path("id");
  }

  /** Puts a technician on the job (a technician sees only work assigned to them); keeps what the order says. */
  public void assign(String workOrder, String technicianUserId) {
    io.restassured.response.Response current = tenant.request().get("/work-orders/" + workOrder);
    current.then().statusCode(200);
    Map<String, Object> change = new HashMap<>();
    change.put("mileageIn", current.path("mileageIn"));
    change.put("complaint", current.path("complaint"));
    change.put("technicianIds", List.of(technicianUserId));
    tenant.request().header("If-Match", current.header("ETag")).body(change).put("/work-orders/" + workOrder)
        .then().statusCode(200);
  }

  /** The user id of a signed-in caller. */
  public static String userIdOf(Api.Tenant caller) {
    return caller.request().get("/me").then().statusCode(200).extract().path("id");
  }

  public static Map<String, Object> labor(String description, String hours, String rate) {
    Map<String, Object> line = new HashMap<>();
    line.put("type", "LABOR");
    line.put("description", description);
    line.put("hours", hours);
    if (rate != null) {
      line.put("rate", rate);
    }
    return line;
  }

  public static Map<String, Object> part(String description, String quantity, String unitCost, String unitPrice) {
    Map<String, Object> line = new HashMap<>();
    line.put("type", "PART");
    line.put("description", description);
    line.put("partNumber", "BP-1234");
    line.put("quantity", quantity);
    line.put("unitCost", unitCost);
    line.put("unitPrice", unitPrice);
    return line;
  }

  public static Map<String, Object> priced(String type, String description, String unitPrice) {
    Map<String, Object> line = new HashMap<>();
    line.put("type", type);
    line.put("description", description);
    line.put("unitPrice", unitPrice);
    return line;
  }

  public void addLines(String workOrder, List<Map<String, Object>> lines) {
    for (Map<String, Object> line : lines) {
      tenant.request().body(line).post("/work-orders/" + workOrder + "/lines").then().statusCode(201);
    }
  }

  /** Estimate -> repair order -> invoice; returns the invoice id. */
  public String invoiced(String workOrder) {
    tenant.request().post("/work-orders/" + workOrder + "/repair-order").then().statusCode(200);
    return tenant.request().post("/work-orders/" + workOrder + "/invoice").then().statusCode(201)
        .extract().path("id");
  }
}
