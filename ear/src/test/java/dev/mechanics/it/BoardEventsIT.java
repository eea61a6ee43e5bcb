package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.Streams;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live board: GET /shops/{shopId}/events, fed across instances by PostgreSQL LISTEN/NOTIFY. */
class BoardEventsIT {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private static String events(String shopId) {
    return "/api/v1/shops/" + shopId + "/events";
  }

  private static JsonPath data(Streams.Event event) {
    return new JsonPath(event.data());
  }

  @Test
  void everyChangeMadeThroughTheApiReachesTheShopsBoardWithinASecond() throws Exception {
    Api.Tenant owner = Api.newOrganization("live");
    Shop shop = new Shop(owner);
    String customer = owner.createCustomer("Lena", "Live");
    String vehicle = shop.vehicleOf(customer);
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("text/event-stream"));
      assertThat(stream.nextComment(SECOND)).as("the stream opens at once").isNotNull();

      String id = shop.estimateFor(customer, vehicle);
      Streams.Event created = stream.next("work-order", SECOND);
      assertThat(created).as("created within a second").isNotNull();
      assertThat(data(created).getString("workOrderId")).isEqualTo(id);
      assertThat(data(created).getString("shopId")).isEqualTo(owner.shopId());
      assertThat(data(created).getString("status")).isEqualTo("WAITING");
      assertThat(data(created).getString("change")).isEqualTo("created");
      assertThat(data(created).getMap("")).as("no customer data, no money").containsOnlyKeys("workOrderId",
          "shopId", "status", "version", "change");
      assertThat(data(created).getString("version")).isEqualTo(owner.request().get("/work-orders/" + id)
          .header("ETag"));

      owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then()
          .statusCode(200);
      Streams.Event moved = stream.next("work-order", SECOND);
      assertThat(moved).as("the move within a second").isNotNull();
      assertThat(data(moved).getString("change")).isEqualTo("status");
      assertThat(data(moved).getString("status")).isEqualTo("IN_BAY");
      assertThat(Long.parseLong(moved.id())).as("monotonic ids").isGreaterThan(Long.parseLong(created.id()));
      String etag = owner.request().get("/work-orders/" + id).header("ETag");
      assertThat(data(moved).getString("version")).isEqualTo(etag);

      shop.addLines(id, List.of(Shop.priced("FEE", "Diagnosis", "80.00")));
      Streams.Event lines = stream.next("work-order", SECOND);
      assertThat(data(lines).getString("change")).isEqualTo("lines");

      shop.assign(id, Shop.userIdOf(owner));
      assertThat(data(stream.next("work-order", SECOND)).getString("change")).isEqualTo("assignment");

      String invoice = shop.invoiced(id);
      assertThat(data(stream.next("work-order", SECOND)).getString("change")).isEqualTo("status");
      assertThat(data(stream.next("work-order", SECOND)).getString("change")).isEqualTo("invoice");
      owner.request().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("amount", "10.00",
          "method", "CASH")).post("/invoices/" + invoice + "/payments").then().statusCode(201);
      assertThat(data(stream.next("work-order", SECOND)).getString("change")).isEqualTo("payment");

      // a refused change announces nothing
      owner.request().body(Map.of("status", "NOWHERE")).post("/work-orders/" + id + "/status").then()
          .statusCode(422);
      assertThat(stream.next("work-order", Duration.ofMillis(700))).isNull();
    }
  }

  /** Proxies close quiet connections: a comment every 15 s, and the stream outlives Liberty's async timeout. */
  @Test
  void aQuietStreamGetsAHeartbeatAndStaysOpen() throws Exception {
    Api.Tenant owner = Api.newOrganization("heartbeat");
    String id = new Shop(owner).estimate();
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), null)) {
      assertThat(stream.nextComment(SECOND).comment()).isEqualTo("open");
      Streams.Event beat = stream.nextComment(Duration.ofSeconds(17));
      assertThat(beat).as("a heartbeat within 15 s").isNotNull();
      assertThat(beat.comment()).isEqualTo("keep-alive");
      Thread.sleep(20_000); // 37 s in all: past a 30 s async timeout
      owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then()
          .statusCode(200);
      assertThat(stream.next("work-order", SECOND)).as("still open after 37 s").isNotNull();
    }
  }

  /** What another server instance does when it commits a change: the NOTIFY reaches this instance's subscribers. */
  @Test
  void aNotifyCommittedOnAnotherConnectionReachesTheSubscribersAndARollbackNothing() throws Exception {
    Api.Tenant owner = Api.newOrganization("notify");
    String id = new Shop(owner).estimate();
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), null);
         Connection other = Api.database()) {
      assertThat(stream.nextComment(SECOND)).isNotNull();
      other.setAutoCommit(false);
      try (PreparedStatement st = other.prepareStatement("select announce_work_order(?, 'approval')")) {
        st.setObject(1, UUID.fromString(id));
        st.execute();
        other.rollback();
        assertThat(stream.next("work-order", Duration.ofMillis(700))).as("nothing that did not commit").isNull();
        st.execute();
        st.execute(); // one event per work order and transaction
        other.commit();
      }
      Streams.Event event = stream.next("work-order", SECOND);
      assertThat(event).as("the other connection's change within a second").isNotNull();
      assertThat(data(event).getString("workOrderId")).isEqualTo(id);
      assertThat(data(event).getString("change")).isEqualTo("approval");
      assertThat(stream.next("work-order", Duration.ofMillis(500))).isNull();
    }
  }

  @Test
  void theListenerReconnectsWhenItsDatabaseConnectionDrops() throws Exception {
    Api.Tenant owner = Api.newOrganization("reconnect");
    Shop shop = new Shop(owner);
    String id = shop.estimate();
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), null);
         Connection admin = Api.database()) {
      assertThat(stream.nextComment(SECOND)).isNotNull();
      int killed = 0;
      try (PreparedStatement st = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
          + " where datname = current_database() and pid <> pg_backend_pid()"
          + " and application_name = 'notification-listener'");
           var rs = st.executeQuery()) {
        while (rs.next()) {
          killed++;
        }
      }
      assertThat(killed).as("the instance's one listening connection was found").isEqualTo(1);
      owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then()
          .statusCode(200);
      Streams.Event event = stream.next("work-order", Duration.ofSeconds(5));
      assertThat(event).as("the change made while the listener was away arrives after its reconnect").isNotNull();
      assertThat(data(event).getString("workOrderId")).isEqualTo(id);
    }
  }

  @Test
  void aReconnectingBoardCatchesUpFromLastEventId() throws Exception {
    Api.Tenant owner = Api.newOrganization("catch-up");
    Shop shop = new Shop(owner);
    String first = shop.estimate();
    String last;
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), null)) {
      owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + first + "/status").then()
          .statusCode(200);
      last = stream.next("work-order", SECOND).id();
    }
    String second = shop.estimate(); // made while the board was away
    owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + second + "/status").then()
        .statusCode(200);
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), owner.token(), last)) {
      List<Streams.Event> missed = stream.drain("work-order", Duration.ofMillis(800));
      assertThat(missed).extracting(e -> data(e).getString("workOrderId")).containsOnly(second);
      assertThat(missed).extracting(e -> data(e).getString("change")).containsExactly("created", "status");
    }
    owner.request().header("Last-Event-ID", "yesterday").header("Accept", "text/event-stream")
        .get("/shops/" + owner.shopId() + "/events").then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void onlyTheShopsStaffWatchAndATechnicianHearsOnlyOfTheirWork() throws Exception {
    Api.Tenant owner = Api.newOrganization("watch");
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "tess-" + unique + "@example.com";
    String password = "technician passphrase " + unique;
    String techId = owner.request().body(Map.of("email", email, "name", "Tess Tech", "password", password,
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201).extract().path("id");
    String techToken = Api.login(email, password);
    Shop shop = new Shop(owner);
    String theirs = shop.estimate();
    shop.assign(theirs, techId);
    String notTheirs = shop.estimate();
    try (Streams.EventStream stream = Streams.open(events(owner.shopId()), techToken, null)) {
      assertThat(stream.status()).isEqualTo(200);
      for (String id : List.of(notTheirs, theirs)) {
        owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + id + "/status").then()
            .statusCode(200);
      }
      List<Streams.Event> heard = stream.drain("work-order", Duration.ofMillis(800));
      assertThat(heard).extracting(e -> data(e).getString("workOrderId")).containsExactly(theirs);
    }

    // another organization's shop does not exist; without a token: 401
    assertThat(Streams.status(events(owner.shopId()), Api.newOrganization("stranger").token()).statusCode())
        .isEqualTo(404);
    assertThat(Streams.status(events(owner.shopId()), null).statusCode()).isEqualTo(401);
    assertThat(Streams.status("/api/v1/shops/not-an-id/events", owner.token()).statusCode()).isEqualTo(404);
    // the demo chain's manager works in Downtown, not in Northside
    Api.Tenant demoOwner = Api.demoAs("OWNER");
    String northside = demoOwner.request().get("/shops").path("items.find { it.name == 'Northside' }.id");
    var forbidden = Streams.status(events(northside), Api.demoAs("MANAGER").token());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(Streams.status(events(northside), demoOwner.token()).statusCode()).isEqualTo(200);
  }
}
