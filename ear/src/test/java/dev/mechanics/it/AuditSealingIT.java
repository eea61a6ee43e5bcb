package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Writers of one organization no longer queue on the audit chain (ADR 0050): their rows are inserted unsealed
 * and the sealer links them after commit. The chain must still verify, leave nothing behind, and show tampering.
 */
class AuditSealingIT {

  private static final int WRITERS = 32;
  private static final int EACH = 4;

  @Test
  void thirtyTwoParallelWritersLeaveAChainThatVerifiesWithNothingUnsealedAndTamperingShows() throws Exception {
    Api.Tenant owner = Api.newOrganization("sealing");
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> writers = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Callable<List<Integer>> work = () -> {
          start.await();
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < EACH; i++) {
            statuses.add(owner.request().header("X-Forwarded-For", Api.randomClientAddress())
                .body(Map.of("firstName", "Writer" + writer, "lastName", "Number" + i))
                .post("/customers").statusCode());
          }
          return statuses;
        };
        writers.add(pool.submit(work));
      }
      start.countDown();
      for (Future<List<Integer>> writer : writers) {
        assertThat(writer.get()).containsOnly(201);
      }
    } finally {
      pool.shutdownNow();
    }
    int rows = 1 + WRITERS * EACH; // organization.created, then every customer

    // the background sealer reaches them without anyone reading the trail; it runs every second, the bound only
    // keeps a sealer that never runs from hanging the build
    long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    while (unsealed(owner.organizationId()) > 0 && System.nanoTime() < giveUp) {
      Thread.sleep(100);
    }
    assertThat(unsealed(owner.organizationId())).as("rows the background sealer left unsealed").isZero();
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true))
        .body("checked", equalTo(rows)).body("unsealed", equalTo(0));

    // a sealed row changed behind the application's back, as the owner role in SQL
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "update audit_events set after_state = replace(after_state, 'W***', 'X***') "
            + "where organization_id = ?::uuid and seq = 77")) {
      st.setString(1, owner.organizationId());
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(false))
        .body("brokenAtSeq", equalTo(77)).body("checked", equalTo(76));

    // and a sealed row removed
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "delete from audit_events where organization_id = ?::uuid and seq = 20")) {
      st.setString(1, owner.organizationId());
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(false))
        .body("brokenAtSeq", equalTo(20));
  }

  @Test
  void aRowThePreviousReleaseWritesWithItsOwnChainColumnsIsLinkedAfterTheUnsealedTail() throws Exception {
    Api.Tenant owner = Api.newOrganization("swap");
    owner.createCustomer("Before", "Swap");
    // the previous release computes seq and prev_hash from what it sees (an unsealed row as the head: '')
    try (Connection db = Api.databaseAsApplication(); PreparedStatement st = db.prepareStatement(
        "insert into audit_events (id, organization_id, seq, action, entity_type, occurred_at, prev_hash, hash) "
            + "values (gen_random_uuid(), ?::uuid, 2, 'customer.changed', 'customer', now(), '', 'computed-elsewhere')")) {
      st.setString(1, owner.organizationId());
      st.executeUpdate();
    }
    owner.createCustomer("After", "Swap");
    owner.request().get("/audit/verify").then().statusCode(200).body("valid", equalTo(true))
        .body("checked", equalTo(4)).body("unsealed", equalTo(0));
  }

  private static long unsealed(String organizationId) throws Exception {
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "select count(*) from audit_events where organization_id = ?::uuid and seq is null")) {
      st.setString(1, organizationId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
