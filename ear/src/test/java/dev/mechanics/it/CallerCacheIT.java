package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.it.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The cached caller (docs/adr/0051) across instances: what another server instance (or an operator at psql)
 * commits reaches this instance through the database's NOTIFY on {@code caller_changes}. The test server keeps
 * callers for {@code CALLER_CACHE_SECONDS=300}, so only the notification can end access within these tests;
 * the same instance's revocations (sign-out, password change, disabling, a membership change) are SessionIT's
 * and UserIT's, each after a request that cached the caller.
 */
class CallerCacheIT {

  /** What the caller gets once the other instance's change has been heard (40 tries, 250 ms apart). */
  private static int eventually(int expected, IntSupplier request) throws InterruptedException {
    int status = request.getAsInt();
    for (int attempt = 0; attempt < 40 && status != expected; attempt++) {
      Thread.sleep(250);
      status = request.getAsInt();
    }
    return status;
  }

  private static void elsewhere(String sql, String... parameters) throws Exception {
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setString(i + 1, parameters[i]);
      }
      st.executeUpdate();
    }
  }

  private static String sessionOf(String accessToken) {
    return TestTokens.payloadOf(accessToken).replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void aSessionEndedOnAnotherInstanceEndsAccessHere() throws Exception {
    Api.Tenant owner = Api.newOrganization("ended-elsewhere");
    owner.request().get("/me").then().statusCode(200);
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "update sessions set revoked_at = now(), revoked_reason = 'logout' where id = ?::uuid")) {
      db.setAutoCommit(false);
      st.setString(1, sessionOf(owner.token()));
      st.executeUpdate();
      db.rollback();
      owner.request().get("/me").then().statusCode(200);
      st.executeUpdate();
      db.commit();
    }
    assertThat(eventually(401, () -> owner.request().get("/me").statusCode())).isEqualTo(401);
  }

  @Test
  void aUserDisabledOrAMembershipTakenOnAnotherInstanceTakesEffectHere() throws Exception {
    Api.Tenant owner = Api.newOrganization("changed-elsewhere");
    String userId = owner.request().get("/me").path("id");
    owner.request().body(Map.of("firstName", "Before", "lastName", "Change")).post("/customers").then()
        .statusCode(201);
    elsewhere("delete from memberships where user_id = ?::uuid", userId);
    assertThat(eventually(403, () -> owner.request().body(Map.of("firstName", "After", "lastName", "Change"))
        .post("/customers").statusCode())).as("no membership left").isEqualTo(403);
    Api.Tenant other = Api.newOrganization("disabled-elsewhere");
    other.request().get("/me").then().statusCode(200);
    String otherId = other.request().get("/me").path("id");
    elsewhere("update users set enabled = false where id = ?::uuid", otherId);
    assertThat(eventually(401, () -> other.request().get("/me").statusCode())).as("disabled").isEqualTo(401);
  }

  @Test
  void aPlatformOperatorGrantGivenAndTakenOnAnotherInstanceTakesEffectHere() throws Exception {
    String email = TestDatabase.CACHED_OPERATOR_EMAIL;
    String password = "cached operator " + UUID.randomUUID();
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("organizationName", "Cached Operator", "shopName", "Main", "timeZone", "UTC",
            "currency", "USD", "ownerName", "Operator", "ownerEmail", email, "ownerPassword", password))
        .post("/organizations").then().statusCode(201);
    Api.Tenant operator = Api.Tenant.of(Api.login(email, password));
    IntSupplier platformSchedules = () -> operator.request().queryParam("scope", "platform")
        .get("/batch/schedules").statusCode();
    assertThat(platformSchedules.getAsInt()).as("listed, but the address is not proven").isEqualTo(403);
    String userId = operator.request().get("/me").path("id");
    elsewhere("update users set email_verified_at = now() where id = ?::uuid", userId);
    elsewhere("insert into platform_operator_grants (user_id, granted_at) values (?::uuid, now())", userId);
    assertThat(eventually(200, platformSchedules)).as("granted elsewhere").isEqualTo(200);
    elsewhere("delete from platform_operator_grants where user_id = ?::uuid", userId);
    assertThat(eventually(403, platformSchedules)).as("revoked elsewhere").isEqualTo(403);
  }

  /** The pids of the instance's one listening connection (docs/adr/0051): one, or none while it reconnects. */
  private static List<Integer> listeners(Connection db) throws Exception {
    List<Integer> pids = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement("select pid from pg_stat_activity"
        + " where datname = current_database() and application_name = 'notification-listener'");
         ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    }
    return pids;
  }

  @Test
  void whenTheListeningConnectionDropsTheListenerReconnectsAndWhatChangedMeanwhileStillEndsAccess()
      throws Exception {
    Api.Tenant meanwhile = Api.newOrganization("ended-while-away");
    Api.Tenant after = Api.newOrganization("ended-after-reconnect");
    meanwhile.request().get("/me").then().statusCode(200);
    after.request().get("/me").then().statusCode(200);
    String revoke = "update sessions set revoked_at = now(), revoked_reason = 'logout' where id = ?::uuid";
    try (Connection admin = Api.database()) {
      List<Integer> before = listeners(admin);
      assertThat(before).as("one listening connection for every channel").hasSize(1);
      try (PreparedStatement st = admin.prepareStatement("select pg_terminate_backend(?)")) {
        st.setInt(1, before.get(0));
        st.execute();
      }
      // committed while nobody listens (or just after): only the drop on (re)connect can end this access
      elsewhere(revoke, sessionOf(meanwhile.token()));
      List<Integer> now = listeners(admin);
      for (int attempt = 0; attempt < 60 && (now.isEmpty() || now.equals(before)); attempt++) {
        Thread.sleep(100);
        now = listeners(admin);
      }
      assertThat(now).as("a new listening connection").hasSize(1).doesNotContainAnyElementsOf(before);
    }
    assertThat(eventually(401, () -> meanwhile.request().get("/me").statusCode())).isEqualTo(401);
    // heard again: the new connection LISTENs on caller_changes too
    elsewhere(revoke, sessionOf(after.token()));
    assertThat(eventually(401, () -> after.request().get("/me").statusCode())).isEqualTo(401);
  }
}
