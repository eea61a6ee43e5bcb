package dev.mechanics.it;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Vins;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VehicleIT {

  private static Map<String, Object> vehicle(String customerId, String vin) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customerId);
    body.put("vin", vin);
    body.put("plate", "ABC 123");
    body.put("make", "Honda");
    body.put("model", "Civic");
    body.put("year", 2018);
    body.put("mileage", 81234);
    return body;
  }

  @Test
  void registerListReadAndChangeAVehicle() {
    Api.Tenant owner = Api.newOrganization("vehicles");
    String customer = owner.createCustomer("Vera", "Wheeler");
    String vin = Vins.random();
    String id = owner.request().body(vehicle(customer, vin.toLowerCase())).post("/vehicles")
        .then().statusCode(201).header("ETag", equalTo("\"0\"")).body("vin", equalTo(vin))
        .extract().path("id");
    owner.request().queryParam("customerId", customer).get("/vehicles").then().statusCode(200)
        .body("items.id", contains(id));
    owner.request().get("/vehicles/" + id).then().statusCode(200).body("mileage", equalTo(81234));
    Map<String, Object> change = vehicle(customer, vin);
    change.put("mileage", 90000);
    owner.request().body(change).put("/vehicles/" + id).then().statusCode(428);
    owner.request().header("If-Match", "\"0\"").body(change).put("/vehicles/" + id).then().statusCode(200)
        .body("mileage", equalTo(90000)).header("ETag", equalTo("\"1\""));
  }

  @Test
  void vinsAreCheckedForLengthLettersAndCheckDigit() {
    Api.Tenant owner = Api.newOrganization("vin-rules");
    String customer = owner.createCustomer("Val", "Idator");
    String good = Vins.random();
    char wrongDigit = good.charAt(8) == '1' ? '2' : '1';
    String badCheck = good.substring(0, 8) + wrongDigit + good.substring(9);
    owner.request().body(vehicle(customer, badCheck)).post("/vehicles").then().statusCode(400)
        .body("errors.field", hasItem("vin")).body("errors.message", hasItem(containsString("check digit")));
    owner.request().body(vehicle(customer, "1HGCM82633A00435")).post("/vehicles").then().statusCode(400)
        .body("errors.message", hasItem(containsString("17")));
    owner.request().body(vehicle(customer, "1HGCM8263OA004352")).post("/vehicles").then().statusCode(400)
        .body("errors.message", hasItem(containsString("I, O or Q")));
    Map<String, Object> badYear = vehicle(customer, good);
    badYear.put("year", 1700);
    owner.request().body(badYear).post("/vehicles").then().statusCode(400).body("errors.field", hasItem("year"));
  }

  @Test
  void aVinIsUniqueWithinAnOrganizationOnly() {
    Api.Tenant a = Api.newOrganization("vin-a");
    Api.Tenant b = Api.newOrganization("vin-b");
    String vin = Vins.random();
    a.request().body(vehicle(a.createCustomer("Ann", "A"), vin)).post("/vehicles").then().statusCode(201);
    a.request().body(vehicle(a.createCustomer("Ann", "B"), vin)).post("/vehicles").then().statusCode(409)
        .body("errors.field", hasItem("vin"));
    b.request().body(vehicle(b.createCustomer("Bob", "B"), vin)).post("/vehicles").then().statusCode(201);
  }

  @Test
  void anotherOrganizationsVehicleAndCustomerAreInvisible() {
    Api.Tenant a = Api.newOrganization("veh-a");
    Api.Tenant b = Api.newOrganization("veh-b");
    String customer = a.createCustomer("Ann", "Owner");
    String id = a.request().body(vehicle(customer, Vins.random())).post("/vehicles").then().statusCode(201)
        .extract().path("id");
    b.request().get("/vehicles/" + id).then().statusCode(404);
    b.request().header("If-Match", "\"0\"").body(vehicle(b.createCustomer("Bob", "B"), Vins.random()))
        .put("/vehicles/" + id).then().statusCode(404);
    b.request().get("/vehicles").then().statusCode(200).body("items.id", not(hasItem(id)));
    b.request().queryParam("customerId", customer).get("/vehicles").then().statusCode(404);
    // registering a vehicle for another organization's customer: that customer does not exist here
    b.request().body(vehicle(customer, Vins.random())).post("/vehicles").then().statusCode(422)
        .body("errors.field", hasItem("customerId"));
    a.request().get("/vehicles").then().body("items", hasSize(1));
  }
}
