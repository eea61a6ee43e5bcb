package dev.mechanics.it.faults;

import static dev.mechanics.it.faults.support.Client.as;
import static dev.mechanics.it.faults.support.Client.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.Client;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.ScaledOut;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16.7: two server processes on one database and one Redis, behind one round-robin address. Whatever a
 * client does through one instance, the other sees and enforces: data and ETags, rate-limit budgets, schedules,
 * batch runs and the board's live updates.
 */
@Order(10)
@ExtendWith(LogOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

  private static ScaledOut pair;
  private static String a;
  private static String b;
  private static String owner;

  @BeforeAll
  static void start() throws Exception {
    pair = ScaledOut.shared();
    a = pair.a.baseUrl();
    b = pair.b.baseUrl();
    owner = Client.login(pair.baseUrl(), "owner@demo.mechanics.dev", Client.DEMO_PASSWORD);
  }

  @Test
  @Order(1)
  void bothInstancesGiveTheSameAnswersAndSeeEachOthersWrites() {
    String id = as(a, owner).body(Map.of("firstName", "Ada", "lastName", "Twice", "email", "ada@example.com"))
        .post("/customers").then().statusCode(201).extract().path("id");
    Response viaA = as(a, owner).get("/customers/" + id);
    Response viaB = as(b, owner).get("/customers/" + id);
    assertThat(viaB.statusCode()).isEqualTo(200);
    assertThat(viaB.header("ETag")).isEqualTo(viaA.header("ETag"));
    assertThat(viaB.asString()).isEqualTo(viaA.asString());
    String listA = as(a, owner).get("/customers?limit=50").then().statusCode(200).extract().asString();
    String listB = as(b, owner).get("/customers?limit=50").then().statusCode(200).extract().asString();
    assertThat(listB).isEqualTo(listA).contains(id);
    // through the one address: a token from either instance works on both
    for (int i = 0; i < 4; i++) {
      as(pair.baseUrl(), owner).get("/customers/" + id).then().statusCode(200);
    }
  }

  @Test
  @Order(2)
  void anETagReadOnOneInstanceConflictsWithAChangeMadeOnTheOther() {
    String id = as(a, owner).body(Map.of("firstName", "Edith", "lastName", "Etag"))
        .post("/customers").then().statusCode(201).extract().path("id");
    String read = as(a, owner).get("/customers/" + id).then().statusCode(200).extract().header("ETag");
    as(b, owner).header("If-Match", read).body(Map.of("firstName", "Edith", "lastName", "Etag-B"))
        .put("/customers/" + id).then().statusCode(200);
    Response stale = as(a, owner).header("If-Match", read).body(Map.of("firstName", "Edith", "lastName", "Etag-A"))
        .put("/customers/" + id);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(as(a, owner).get("/customers/" + id).path("lastName").toString()).isEqualTo("Etag-B");
  }

  @Test
  @Order(3)
  void aUserHasOneApiBudgetOverBothInstances() throws Exception {
    String tech = Client.login(pair.baseUrl(), "tech@demo.mechanics.dev", Client.DEMO_PASSWORD);
    // at once (the budget is a window of one minute from the first call): half the calls to each instance
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < ScaledOut.API_LIMIT + 20; i++) {
      String instance = i % 2 == 0 ? a : b;
      calls.add(pool.submit(() -> as(instance, tech).get("/me").statusCode()));
    }
    int served = 0;
    int refused = 0;
    for (var call : calls) {
      int status = call.get();
      if (status == 429) {
        refused++;
      } else {
        assertThat(status).isEqualTo(200);
        served++;
      }
    }
    pool.shutdown();
    // one budget for both instances, never the budget twice
    assertThat(served).isEqualTo(ScaledOut.API_LIMIT);
    assertThat(refused).isEqualTo(20);
  }

  @Test
  @Order(4)
  void aClientAddressHasOneSignInBudgetOverBothInstances() {
    // outside Client.randomAddress()'s 198.18/16: the spent budget must not meet another test's client (the pair
    // is shared) in the minute it lasts
    String address = "198.19." + java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 250) + ".7";
    int served = 0;
    List<Integer> refused = new ArrayList<>();
    for (int i = 0; i < ScaledOut.SIGNIN_LIMIT + 6; i++) {
      Response r = Client.from(i % 2 == 0 ? a : b, address)
          .body(Map.of("email", "advisor@demo.mechanics.dev", "password", Client.DEMO_PASSWORD)).post("/auth/login");
      if (r.statusCode() == 429) {
        refused.add(i);
      } else {
        assertThat(r.statusCode()).isEqualTo(200);
        served++;
      }
    }
    assertThat(served).isEqualTo(ScaledOut.SIGNIN_LIMIT);
    assertThat(refused).hasSize(6);
  }

  @Test
  @Order(5)
  void eachDueScheduleFiresExactlyOnceThoughBothInstancesPoll() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(as(i % 2 == 0 ? a : b, owner).body(Map.of("jobName", "daily-shop-report", "cron", "0 6 * * *",
              "timeZone", "UTC", "parameters", Map.of("period", "day")))
          .post("/batch/schedules").then().statusCode(201).extract().path("id"));
    }
    try (Connection c = pair.database.connect();
         PreparedStatement st = c.prepareStatement("update batch_schedules set next_fire_at = now() - interval "
             + "'5 seconds' where id = ?::uuid")) {
      for (String id : ids) {
        st.setString(1, id);
        st.executeUpdate();
      }
    }
    Map<String, Integer> fired = Map.of();
    for (int i = 0; i < 120 && fired.size() < ids.size(); i++) {
      Thread.sleep(500);
      fired = runsPerSchedule(ids);
    }
    assertThat(fired).hasSize(ids.size());
    // both schedulers poll every 2 s: let each look a few more times, then count again
    Thread.sleep(6000);
    assertThat(runsPerSchedule(ids).values()).hasSize(ids.size()).allSatisfy(n -> assertThat(n).isEqualTo(1));
  }

  @Test
  @Order(6)
  void aRunStartedOnOneInstanceIsStoppedAndRestartedThroughTheOther() throws Exception {
    String password = "operator-Garage-2026";
    anonymous(a).body(Map.of("organizationName", "Platform Ops", "shopName", "Ops", "timeZone", "UTC", "currency",
        "USD", "ownerName", "Platform Operator", "ownerEmail", "operator@platform.mechanics.dev", "ownerPassword",
        password)).post("/organizations").then().statusCode(201);
    // the role needs a proven address (PlatformOperatorIT follows the mailed link); here it is marked proven
    try (Connection c = pair.database.connect(); Statement st = c.createStatement()) {
      st.executeUpdate("update users set email_verified_at = now() where email = 'operator@platform.mechanics.dev'");
    }
    String operator = Client.login(b, "operator@platform.mechanics.dev", password);
    Path uploads = pair.files().resolve("uploads/stop-across");
    Files.createDirectories(uploads);
    // 40 files, 2 a chunk, 300 ms each: the run lasts about 12 s, long enough for the stop to reach it through the
    // other instance on a slow machine (with 15 it once finished, in 5 s, before the stop arrived)
    int files = 40;
    for (int i = 0; i < files; i++) {
      Files.writeString(uploads.resolve("invoice-%02d.pdf".formatted(i)), "invoice " + i);
    }
    Response started = as(a, operator).body(Map.of("jobName", "file-backup", "parameters",
        Map.of("chunkSize", "2", "delayMillis", "300"))).post("/batch/executions");
    assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
    String running = started.path("executionId").toString();
    for (int i = 0; i < 100; i++) {
      // the step and its count appear only once the run has begun it
      Number commits = as(a, operator).get("/batch/executions/" + running).then().statusCode(200).extract()
          .path("steps[0].commitCount");
      if (commits != null && commits.longValue() > 0) {
        break;
      }
      Thread.sleep(100);
    }
    Response stop = as(b, operator).post("/batch/executions/" + running + "/stop");
    assertThat(stop.statusCode()).as(stop.asString()).isEqualTo(200);
    JsonPath stopped = awaitEnd(b, operator, running);
    assertThat(stopped.getString("status")).as(stopped.prettify()).isEqualTo("STOPPED");
    Response restarted = as(b, operator).post("/batch/executions/" + running + "/restart");
    assertThat(restarted.statusCode()).as(restarted.asString()).isEqualTo(201);
    JsonPath done = awaitEnd(a, operator, restarted.path("executionId").toString());
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("COMPLETED");
    try (Stream<Path> copies = Files.walk(pair.files().resolve("backups"))) {
      assertThat(copies.filter(p -> p.toString().contains("stop-across/invoice-") && !p.toString().endsWith(
          ".type")).count()).isEqualTo(files);
    }
  }

  @Test
  @Order(7)
  void aChangeMadeOnOneInstanceReachesABoardWatchingTheOther() throws Exception {
    JsonPath me = as(a, owner).get("/me").then().statusCode(200).extract().jsonPath();
    String shop = me.getString("memberships[0].shopId");
    String customer = as(a, owner).body(Map.of("firstName", "Lena", "lastName", "Live"))
        .post("/customers").then().statusCode(201).extract().path("id");
    String vehicle = as(a, owner).body(Map.of("customerId", customer, "vin", dev.mechanics.it.support.Vins.random(),
            "make", "Toyota", "model", "Corolla", "year", 2017, "mileage", 1000))
        .post("/vehicles").then().statusCode(201).extract().path("id");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<Stream<String>> stream = http.sendAsync(HttpRequest.newBuilder(URI.create(b + "/api/v1/shops/"
            + shop + "/events")).header("Accept", "text/event-stream").header("Authorization", "Bearer " + owner)
        .GET().build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    Iterator<String> lines = stream.body().iterator();
    assertThat(lines.next()).as("the stream opens at once").isNotNull();
    String workOrder = as(a, owner).body(Map.of("shopId", shop, "customerId", customer, "vehicleId", vehicle,
            "mileageIn", 1200, "complaint", "Rattle"))
        .post("/work-orders").then().statusCode(201).extract().path("id");
    // read until the event for this work order arrives (the iterator blocks; the test's timeout bounds it)
    String data = null;
    var reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      data = reader.submit(() -> {
        while (lines.hasNext()) {
          String line = lines.next();
          if (line.startsWith("data:") && line.contains(workOrder)) {
            return line;
          }
        }
        return null;
      }).get(30, TimeUnit.SECONDS);
    } finally {
      reader.shutdownNow();
      stream.body().close();
    }
    assertThat(data).contains("\"change\":\"created\"");
  }

  private static Map<String, Integer> runsPerSchedule(List<String> ids) throws Exception {
    Map<String, Integer> fired = new java.util.HashMap<>();
    try (Connection c = pair.database.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select schedule_id::text, count(*) from batch_runs where schedule_id is "
             + "not null group by schedule_id")) {
      while (rs.next()) {
        if (ids.contains(rs.getString(1))) {
          fired.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return fired;
  }

  private static JsonPath awaitEnd(String baseUrl, String token, String executionId) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      JsonPath run = as(baseUrl, token).get("/batch/executions/" + executionId).then().statusCode(200).extract()
          .jsonPath();
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run.getString("status"))) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("execution " + executionId + " did not end");
  }
}
