package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

/** Issue 19.5: shift and job clocks, one running job per technician, corrections, efficiency and productivity. */
class ClockIT {

  @Test
  void clockingOnASecondJobStopsTheFirstAndARetryRecordsNothingNew() throws Exception {
    Api.Tenant owner = Api.newOrganization("clock-jobs");
    Shop shop = new Shop(owner);
    String workOrder = shop.estimate();
    String[] lines = labor(owner, workOrder, 2);
    String key = UUID.randomUUID().toString();
    clock(owner, "SHIFT_IN", null, UUID.randomUUID().toString()).then().statusCode(201);
    Response first = clock(owner, "JOB_ON", lines[0], key);
    first.then().statusCode(201).header("Idempotent-Replayed", "false").body("running", equalTo(true));
    clock(owner, "JOB_ON", lines[0], key).then().statusCode(201).header("Idempotent-Replayed", "true")
        .body("id", equalTo(first.path("id")));
    clock(owner, "JOB_ON", lines[1], key).then().statusCode(422).contentType("application/problem+json");
    Response second = clock(owner, "JOB_ON", lines[1], UUID.randomUUID().toString());
    second.then().statusCode(201);
    List<Map<String, Object>> entries = owner.request().get("/clock-entries?shopId=" + owner.shopId() + "&from="
        + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1)).then().statusCode(200).extract()
        .jsonPath().getList("items.findAll { it.kind == 'JOB' }");
    assertThat(entries).hasSize(2);
    assertThat(entries).filteredOn(e -> e.get("id").equals(first.path("id"))).first()
        .satisfies(e -> assertThat(e.get("running")).isEqualTo(false));
    assertThat(runningJobs(second.path("technicianId"))).isEqualTo(1);
    clock(owner, "JOB_OFF", null, UUID.randomUUID().toString()).then().statusCode(201).body("running", equalTo(false));
    clock(owner, "JOB_OFF", null, UUID.randomUUID().toString()).then().statusCode(409);
    clock(owner, "JOB_ON", lines[0], null).then().statusCode(400);
    clock(owner, "JOB_ON", UUID.randomUUID().toString(), UUID.randomUUID().toString()).then().statusCode(422);
    clock(owner, "SHIFT_OUT", null, UUID.randomUUID().toString()).then().statusCode(201);
    assertThat(runningJobs(second.path("technicianId"))).isZero();
    // another organization's line does not exist for this caller
    Api.Tenant other = Api.newOrganization("clock-other");
    clock(other, "JOB_ON", lines[0], UUID.randomUUID().toString()).then().statusCode(422);
  }

  @Test
  void concurrentClockOnsLeaveExactlyOneRunningJob() throws Exception {
    Api.Tenant owner = Api.newOrganization("clock-race");
    String workOrder = new Shop(owner).estimate();
    String[] lines = labor(owner, workOrder, 2);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String line = lines[i % 2];
      answers.add(pool.submit(() -> {
        start.await();
        return clock(owner, "JOB_ON", line, UUID.randomUUID().toString()).statusCode();
      }));
    }
    start.countDown();
    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(201);
    }
    pool.shutdown();
    String me = Shop.userIdOf(owner);
    assertThat(runningJobs(me)).isEqualTo(1);
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*) from clock_entries where technician_id = '" + me + "' and kind = 'JOB'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(10);
    }
  }

  @Test
  void aManagerCorrectsAnEntryWithAReasonAndTheAuditTrailKeepsIt() {
    Api.Tenant owner = Api.newOrganization("clock-fix");
    Response shift = clock(owner, "SHIFT_IN", null, UUID.randomUUID().toString());
    String id = shift.path("id");
    String etag = shift.header("ETag");
    Map<String, Object> body = Map.of("startedAt", "2026-11-02T13:00:00Z", "endedAt", "2026-11-02T21:00:00Z",
        "reason", "Forgot to clock out");
    owner.request().body(body).put("/clock-entries/" + id).then().statusCode(428);
    owner.request().header("If-Match", etag).body(Map.of("startedAt", "2026-11-02T13:00:00Z",
        "endedAt", "2026-11-02T12:00:00Z", "reason", "Backwards")).put("/clock-entries/" + id).then().statusCode(422);
    owner.request().header("If-Match", etag).body(Map.of("startedAt", "2026-11-02T13:00:00Z"))
        .put("/clock-entries/" + id).then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
    owner.request().header("If-Match", etag).body(body).put("/clock-entries/" + id).then().statusCode(200)
        .body("corrected", equalTo(true)).body("endedAt", equalTo("2026-11-02T21:00:00Z"));
    owner.request().get("/audit?entityId=" + id).then().statusCode(200)
        .body("items[0].action", equalTo("clock.corrected"))
        .body("items[0].after", org.hamcrest.Matchers.containsString("Forgot to clock out"));
    Api.demoAs("TECHNICIAN").request().header("If-Match", etag).body(body).put("/clock-entries/" + id).then()
        .statusCode(403);
    Api.newOrganization("clock-fix-other").request().header("If-Match", "\"1\"").body(body)
        .put("/clock-entries/" + id).then().statusCode(404);
  }

  /**
   * Hand-computed: attended 8 h (01:00-09:00 local), clocked 6 h (01:30-04:30 and 05:00-08:00), sold 7.5 h (an
   * invoiced labor line of 7.5 h) -> efficiency 7.5 / 6 = 125.0 %, productivity 6 / 8 = 75.0 %.
   */
  @Test
  void efficiencyAndProductivityFromAHandComputedFixture() throws Exception {
    Api.Tenant owner = Api.newOrganization("clock-kpi");
    String me = Shop.userIdOf(owner);
    Shop shop = new Shop(owner);
    String workOrder = shop.estimate();
    Map<String, Object> line = Shop.labor("Rebuild transmission", "7.5", "100.00");
    line.put("technicianId", me);
    shop.addLines(workOrder, List.of(line));
    shop.invoiced(workOrder);
    ZoneId zone = ZoneId.of("America/New_York");
    LocalDate today = LocalDate.now(zone);
    String lineId = owner.request().get("/work-orders/" + workOrder).then().extract().path("lines[0].id");
    try (Connection db = Api.database()) {
      insert(db, owner, me, "SHIFT", null, null, today.atTime(1, 0).atZone(zone).toOffsetDateTime(),
          today.atTime(9, 0).atZone(zone).toOffsetDateTime());
      insert(db, owner, me, "JOB", workOrder, lineId, today.atTime(1, 30).atZone(zone).toOffsetDateTime(),
          today.atTime(4, 30).atZone(zone).toOffsetDateTime());
      insert(db, owner, me, "JOB", workOrder, lineId, today.atTime(5, 0).atZone(zone).toOffsetDateTime(),
          today.atTime(8, 0).atZone(zone).toOffsetDateTime());
    }
    Response figures = owner.request().get("/shops/" + owner.shopId() + "/technician-time?from=" + today + "&to="
        + today);
    figures.then().statusCode(200)
        .body("shop.hoursSold", equalTo("7.50")).body("shop.hoursClocked", equalTo("6.00"))
        .body("shop.hoursAttended", equalTo("8.00")).body("shop.efficiencyPercent", equalTo("125.0"))
        .body("shop.productivityPercent", equalTo("75.0"))
        .body("technicians.find { it.technicianId == '" + me + "' }.efficiencyPercent", equalTo("125.0"));
    Api.demoAs("TECHNICIAN").request().get("/shops/" + owner.shopId() + "/technician-time?from=" + today + "&to="
        + today).then().statusCode(403);
  }

  private static void insert(Connection db, Api.Tenant owner, String technician, String kind, String workOrder,
                             String line, OffsetDateTime start, OffsetDateTime end) throws Exception {
    try (PreparedStatement st = db.prepareStatement("insert into clock_entries (id, organization_id, shop_id, "
        + "technician_id, kind, work_order_id, line_id, started_at, ended_at, created_at, updated_at) values "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())")) {
      st.setObject(1, UUID.randomUUID());
      st.setObject(2, UUID.fromString(owner.organizationId()));
      st.setObject(3, UUID.fromString(owner.shopId()));
      st.setObject(4, UUID.fromString(technician));
      st.setString(5, kind);
      st.setObject(6, workOrder == null ? null : UUID.fromString(workOrder));
      st.setObject(7, line == null ? null : UUID.fromString(line));
      st.setObject(8, start.withOffsetSameInstant(ZoneOffset.UTC));
      st.setObject(9, end.withOffsetSameInstant(ZoneOffset.UTC));
      st.executeUpdate();
    }
  }

  private static String[] labor(Api.Tenant owner, String workOrder, int count) {
    Shop shop = new Shop(owner);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(Shop.labor("Job " + i, "1.0", "100.00"));
    }
    shop.addLines(workOrder, lines);
    List<String> ids = owner.request().get("/work-orders/" + workOrder).then().extract().jsonPath()
        .getList("lines.id", String.class);
    return ids.toArray(String[]::new);
  }

  static Response clock(Api.Tenant who, String action, String line, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("action", action);
    body.put("shopId", who.shopId());
    if (line != null) {
      body.put("lineId", line);
    }
    var request = who.request().body(body);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/clock-events");
  }

  private static int runningJobs(String technician) throws Exception {
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*) from clock_entries where technician_id = '" + technician
            + "' and kind = 'JOB' and ended_at is null")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
