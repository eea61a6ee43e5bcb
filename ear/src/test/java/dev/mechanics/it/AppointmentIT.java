package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 19.4: bays, opening hours, appointments without double booking, the free-slot search, check-in. */
class AppointmentIT {

  /** Saturday and Monday 08:00-12:00, Sunday 00:00-06:00 (the hours daylight saving changes in New York). */
  private static final Map<String, Object> WEEK = Map.of("week", List.of(
      Map.of("day", "SATURDAY", "opens", "08:00", "closes", "12:00"),
      Map.of("day", "SUNDAY", "opens", "00:00", "closes", "06:00"),
      Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00")), "closedDays", List.of("2026-12-26"));

  @Test
  void twentyConcurrentBookingsOfOneBaySlotGiveExactlyOne() throws Exception {
    Api.Tenant owner = Api.newOrganization("appt-race");
    setHours(owner);
    String bay = bay(owner, owner.shopId(), "Lift 1");
    String customer = owner.createCustomer("Rita", "Racer");
    String vehicle = new Shop(owner).vehicleOf(customer);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T14:00:00Z", 60))
            .post("/appointments").statusCode();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    try (Connection db = Api.database();
         ResultSet rs = db.createStatement().executeQuery("select count(*) from appointments where bay_id = '"
             + bay + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    // an overlapping booking half an hour later is refused too; the next hour is free (half-open ranges)
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T14:30:00Z", 60)).post("/appointments")
        .then().statusCode(409).contentType("application/problem+json");
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T15:00:00Z", 60)).post("/appointments")
        .then().statusCode(201);
  }

  @Test
  void theFreeSlotSearchIsRightOnTheDaysDaylightSavingStartsAndEnds() {
    Api.Tenant owner = Api.newOrganization("appt-dst");   // America/New_York
    setHours(owner);
    String bay = bay(owner, owner.shopId(), "Lift 1");
    // spring forward, Sunday 2026-03-08: 00:00 EST = 05:00Z to 06:00 EDT = 10:00Z, five hours
    List<String> march = starts(owner, "2026-03-07", "2026-03-09");
    assertThat(march).containsExactly(
        "2026-03-07T13:00:00Z", "2026-03-07T14:00:00Z", "2026-03-07T15:00:00Z", "2026-03-07T16:00:00Z",
        "2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z",
        "2026-03-08T09:00:00Z",
        "2026-03-09T12:00:00Z", "2026-03-09T13:00:00Z", "2026-03-09T14:00:00Z", "2026-03-09T15:00:00Z");
    // fall back, Sunday 2026-11-01: 00:00 EDT = 04:00Z to 06:00 EST = 11:00Z, seven hours
    List<String> november = starts(owner, "2026-10-31", "2026-11-02");
    assertThat(november).containsExactly(
        "2026-10-31T12:00:00Z", "2026-10-31T13:00:00Z", "2026-10-31T14:00:00Z", "2026-10-31T15:00:00Z",
        "2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z",
        "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z",
        "2026-11-02T13:00:00Z", "2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z", "2026-11-02T16:00:00Z");
    // a booking takes its slot out; a closed day has none
    String customer = owner.createCustomer("Dana", "Daylight");
    String vehicle = new Shop(owner).vehicleOf(customer);
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T14:00:00Z", 90)).post("/appointments")
        .then().statusCode(201);
    assertThat(starts(owner, "2026-12-07", "2026-12-07"))
        .containsExactly("2026-12-07T13:00:00Z", "2026-12-07T16:00:00Z");
    assertThat(starts(owner, "2026-12-26", "2026-12-26")).isEmpty();
  }

  @Test
  void checkInOpensAWorkOrderAndANoShowFreesTheBay() {
    Api.Tenant owner = Api.newOrganization("appt-flow");
    setHours(owner);
    String bay = bay(owner, owner.shopId(), "Lift 1");
    String customer = owner.createCustomer("Carl", "Checkin");
    String vehicle = new Shop(owner).vehicleOf(customer);
    Response booked = owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T13:00:00Z", 60))
        .post("/appointments");
    booked.then().statusCode(201);
    String id = booked.path("id");
    owner.request().body(Map.of("mileageIn", 120700)).post("/appointments/" + id + "/check-in")
        .then().statusCode(428);
    Response checkedIn = owner.request().header("If-Match", booked.header("ETag"))
        .body(Map.of("mileageIn", 120700)).post("/appointments/" + id + "/check-in");
    checkedIn.then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CHECKED_IN"));
    String workOrder = checkedIn.path("workOrderId");
    owner.request().get("/work-orders/" + workOrder).then().statusCode(200)
        .body("complaint", org.hamcrest.Matchers.equalTo("Brake noise"))
        .body("mileageIn", org.hamcrest.Matchers.equalTo(120700));
    owner.request().header("If-Match", checkedIn.header("ETag")).post("/appointments/" + id + "/no-show")
        .then().statusCode(409);

    Response second = owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T15:00:00Z", 60))
        .post("/appointments");
    owner.request().header("If-Match", second.header("ETag")).post("/appointments/" + second.path("id")
        + "/no-show").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("NO_SHOW"));
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T15:00:00Z", 60)).post("/appointments")
        .then().statusCode(201);
  }

  @Test
  void badBookingsAreRefusedAndChangeNothing() throws Exception {
    Api.Tenant owner = Api.newOrganization("appt-bad");
    setHours(owner);
    String bay = bay(owner, owner.shopId(), "Lift 1");
    String customer = owner.createCustomer("Bea", "Bad");
    String vehicle = new Shop(owner).vehicleOf(customer);
    String otherShop = owner.request().body(Map.of("name", "Second " + UUID.randomUUID().toString().substring(0, 6),
            "timeZone", "America/New_York", "phone", "+1 312 555 0199", "address", "1 Lake St",
            "laborRate", "150.00")).post("/shops").then().statusCode(201).extract().path("id");
    String foreignBay = bay(owner, otherShop, "Their lift");
    owner.request().body(booking(owner, customer, vehicle, foreignBay, "2026-12-07T13:00:00Z", 60))
        .post("/appointments").then().statusCode(422).contentType("application/problem+json");
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T18:00:00Z", 60))   // after closing
        .post("/appointments").then().statusCode(422);
    owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T13:00:00Z", 5))
        .post("/appointments").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
    owner.request().body(booking(owner, customer, vehicle, "not-an-id", "2026-12-07T13:00:00Z", 60))
        .post("/appointments").then().statusCode(400);
    owner.request().get("/shops/" + owner.shopId() + "/free-slots?durationMinutes=60&from=2026-12-07&to=2027-06-01")
        .then().statusCode(422);
    owner.request().get("/shops/" + owner.shopId() + "/free-slots?durationMinutes=abc&from=2026-12-07&to=2026-12-08")
        .then().statusCode(400);
    owner.request().body(Map.of("week", List.of(Map.of("day", "MONDAY", "opens", "12:00", "closes", "08:00"))))
        .header("If-Match", owner.request().get("/shops/" + owner.shopId() + "/opening-hours").header("ETag"))
        .put("/shops/" + owner.shopId() + "/opening-hours").then().statusCode(422);
    try (Connection db = Api.database();
         ResultSet rs = db.createStatement().executeQuery("select count(*) from appointments where shop_id = '"
             + owner.shopId() + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    // another organization: the shop, its bays and an appointment do not exist
    Response booked = owner.request().body(booking(owner, customer, vehicle, bay, "2026-12-07T13:00:00Z", 60))
        .post("/appointments");
    Api.Tenant other = Api.newOrganization("appt-other");
    other.request().get("/appointments/" + booked.path("id")).then().statusCode(404);
    other.request().get("/shops/" + owner.shopId() + "/bays").then().statusCode(404);
    other.request().body(booking(other, customer, vehicle, bay, "2026-12-07T13:00:00Z", 60))
        .post("/appointments").then().statusCode(422);
    // a technician reads the calendar but does not book
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    technician.request().body(booking(technician, customer, vehicle, bay, "2026-12-07T13:00:00Z", 60))
        .post("/appointments").then().statusCode(403);
  }

  private static void setHours(Api.Tenant owner) {
    String etag = owner.request().get("/shops/" + owner.shopId() + "/opening-hours").then().statusCode(200)
        .extract().header("ETag");
    owner.request().header("If-Match", etag).body(WEEK).put("/shops/" + owner.shopId() + "/opening-hours")
        .then().statusCode(200);
  }

  static String bay(Api.Tenant owner, String shop, String name) {
    return owner.request().body(Map.of("name", name, "kind", "LIFT")).post("/shops/" + shop + "/bays")
        .then().statusCode(201).extract().path("id");
  }

  static Map<String, Object> booking(Api.Tenant caller, String customer, String vehicle, String bay, String start,
                                     int minutes) {
    Map<String, Object> body = new HashMap<>();
    body.put("shopId", caller.shopId());
    body.put("customerId", customer);
    body.put("vehicleId", vehicle);
    body.put("requestedWork", "Brake noise");
    body.put("bayId", bay);
    body.put("startsAt", start);
    body.put("durationMinutes", minutes);
    return body;
  }

  private static List<String> starts(Api.Tenant owner, String from, String to) {
    return owner.request().get("/shops/" + owner.shopId() + "/free-slots?durationMinutes=60&stepMinutes=60&from="
        + from + "&to=" + to).then().statusCode(200).extract().jsonPath().getList("items.start", String.class);
  }
}
