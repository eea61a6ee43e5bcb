package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.it.faults.support.FaultsDatabase;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.RetryingClient;
import dev.mechanics.it.faults.support.ServerProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16.2, jobs across a crash. Instance A runs a slow file backup and halts (as a kill would) right after it
 * claimed a due schedule, before launching its job. Instance B, on the same database and storage, launches that
 * claimed fire exactly once, shows A's backup as stuck (its heartbeat stopped) and restarts it from its last
 * checkpoint through the API; and the orphan sweep deletes an uploaded file no row refers to once it is older
 * than the grace period, and nothing else.
 */
@ExtendWith(LogOnFailure.class)
class JobsAcrossCrashIT {

  private static final String OPERATOR = "operator@platform.mechanics.dev";
  private static final String PASSWORD = "operator-Garage-2026";
  private static final int FILES = 8;

  @Test
  void aClaimedFireRunsOnceAStuckRunRestartsFromItsCheckpointAndOrphanFilesAreSwept() throws Exception {
    try (FaultsDatabase db = FaultsDatabase.create("jobs")) {
      Map<String, String> env = ServerProcess.environment(db);
      assertThat(env).as("the backup and the sweep run against this run's Azurite")
          .containsKey("AZURE_STORAGE_CONNECTION_STRING");
      env.put("BATCH_HEARTBEAT_SECONDS", "2");
      env.put("BATCH_FIRE_LEASE_SECONDS", "5");
      BlobContainerClient uploads = container(env, "STORAGE_CONTAINER_UPLOADS");
      BlobContainerClient backups = container(env, "STORAGE_CONTAINER_BACKUPS");
      for (int i = 0; i < FILES; i++) {
        uploads.getBlobClient("crash-test/photo-" + i + ".jpg").upload(BinaryData.fromString("photo " + i), true);
      }
      Map<String, String> halting = new HashMap<>(env);
      halting.put("BATCH_FAULT_HALT_AFTER_CLAIM", "true");

      long stuckExecution;
      String schedule;
      try (ServerProcess a = ServerProcess.prepare("jobs-a", halting)) {
        a.start();
        RetryingClient operator = operator(a, db);
        // a slow backup, one file per checkpoint, that A will not finish
        stuckExecution = operator.write("POST", "/api/v1/batch/executions", null, Map.of("jobName", "file-backup",
            "parameters", Map.of("chunkSize", "1", "delayMillis", "4000")), Map.of()).body().path("executionId")
            .asLong();
        awaitCheckpoint(operator, stuckExecution);
        schedule = operator.write("POST", "/api/v1/batch/schedules?scope=platform", null, Map.of("jobName",
            "backup-retention", "cron", "0 4 * * *", "timeZone", "UTC"), Map.of()).body().path("id").asText();
        sql(db, "update batch_schedules set next_fire_at = now() - interval '1 second' where id = '" + schedule
            + "'");
        // A claims the fire at its next poll and halts before launching it
        assertThat(a.awaitExit(Duration.ofMinutes(2))).as("A halted after its claim").isTrue();
      }
      assertThat(count(db, "select count(*) from batch_schedule_fires where schedule_id = '" + schedule
          + "' and execution_id is null")).as("A claimed the fire but never launched it").isEqualTo(1);
      assertThat(count(db, "select count(*) from batch_runs where schedule_id = '" + schedule + "'")).isZero();
      assertThat(count(db, "select batchstatus from batch.jobexecution where jobexecid = " + stuckExecution))
          .as("A's backup is left STARTED").isEqualTo(1);

      try (ServerProcess b = ServerProcess.prepare("jobs-b", env)) {
        b.start();
        RetryingClient operator = operator(b, db);
        // B launches the claimed fire, once, however many polls go by
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count(db, "select count(*) from batch_runs where schedule_id = '" + schedule + "'") == 0) {
          assertThat(System.nanoTime()).as("the claimed fire was launched").isLessThan(deadline);
          Thread.sleep(500);
        }
        Thread.sleep(Duration.ofSeconds(15).toMillis());
        assertThat(count(db, "select count(*) from batch_runs where schedule_id = '" + schedule + "'"))
            .as("runs of the claimed fire").isEqualTo(1);
        assertThat(count(db, "select count(*) from batch_schedule_fires where schedule_id = '" + schedule
            + "' and execution_id is not null and attempts = 2")).isEqualTo(1);

        JsonNode stuck = operator.get("/api/v1/batch/executions/" + stuckExecution).body();
        assertThat(stuck.path("status").asText()).as(stuck.toString()).isEqualTo("STARTED");
        assertThat(stuck.path("stuck").asBoolean()).as("seen stuck: " + stuck).isTrue();
        JsonNode restarted = operator.write("POST", "/api/v1/batch/executions/" + stuckExecution + "/restart",
            null, null, Map.of()).body();
        JsonNode done = awaitEnd(operator, restarted.path("executionId").asLong());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("instanceId").asLong()).isEqualTo(stuck.path("instanceId").asLong());
        // resumed after the checkpoint: what A copied is skipped, the rest copied, every file once
        String[] counts = done.path("steps").path(0).path("exitStatus").asText().split(" ");
        assertThat(Long.parseLong(counts[1]) + Long.parseLong(counts[3])).as("copied and skipped: " + done)
            .isEqualTo(FILES);
        assertThat(Long.parseLong(counts[5])).as("failed").isZero();
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        for (int i = 0; i < FILES; i++) {
          assertThat(backups.getBlobClient("file-backup/" + day + "/crash-test/photo-" + i + ".jpg")
              .downloadContent().toString()).isEqualTo("photo " + i);
        }

        sweepsOnlyOldOrphans(operator, db, uploads);
      }
    }
  }

  /** A file stored by an upload whose row never committed: kept within the grace period, then deleted. */
  private static void sweepsOnlyOldOrphans(RetryingClient operator, FaultsDatabase db, BlobContainerClient uploads)
      throws Exception {
    String org = UUID.randomUUID().toString();
    String orphan = org + "/work-orders/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    String shop;
    try (Connection c = db.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select id, organization_id from shops limit 1")) {
      rs.next();
      shop = rs.getString(1);
      org = rs.getString(2);
    }
    String logo = org + "/shops/" + shop + "/logo-" + UUID.randomUUID();
    String foreign = "someone-else/notes.txt";
    for (String key : List.of(orphan, logo, foreign)) {
      uploads.getBlobClient(key).upload(BinaryData.fromString(key), true);
    }
    sql(db, "update shops set logo_key = '" + logo + "' where id = '" + shop + "'");

    JsonNode young = awaitEnd(operator, operator.write("POST", "/api/v1/batch/executions", null, Map.of(
        "jobName", "orphan-file-sweep", "parameters", Map.of("graceMinutes", "60")), Map.of()).body()
        .path("executionId").asLong());
    assertThat(young.path("status").asText()).as(young.toString()).isEqualTo("COMPLETED");
    assertThat(uploads.getBlobClient(orphan).exists()).as("an orphan within the grace period stays").isTrue();

    JsonNode old = awaitEnd(operator, operator.write("POST", "/api/v1/batch/executions", null, Map.of(
        "jobName", "orphan-file-sweep", "parameters", Map.of("graceMinutes", "0")), Map.of()).body()
        .path("executionId").asLong());
    assertThat(old.path("status").asText()).as(old.toString()).isEqualTo("COMPLETED");
    assertThat(old.path("steps").path(0).path("exitStatus").asText()).startsWith("DELETED 1 OF ");
    assertThat(uploads.getBlobClient(orphan).exists()).as("the orphan past its grace period").isFalse();
    assertThat(uploads.getBlobClient(logo).exists()).as("a file a row refers to").isTrue();
    assertThat(uploads.getBlobClient(foreign).exists()).as("a key of a shape this app does not write").isTrue();
    assertThat(uploads.getBlobClient("crash-test/photo-0.jpg").exists()).isTrue();
  }

  private static RetryingClient operator(ServerProcess server, FaultsDatabase db) throws Exception {
    RetryingClient client = new RetryingClient(server::baseUrl, Duration.ofMinutes(1));
    if (count(db, "select count(*) from users where email = '" + OPERATOR + "'") == 0) {
      client.write("POST", "/api/v1/organizations", null, Map.of("organizationName", "Platform Ops", "shopName",
          "Ops", "timeZone", "UTC", "currency", "USD", "ownerName", "Platform Operator", "ownerEmail", OPERATOR,
          "ownerPassword", PASSWORD), Map.of());
      sql(db, "update users set email_verified_at = now() where email = '" + OPERATOR + "'");
    }
    client.signIn(OPERATOR, PASSWORD);
    return client;
  }

  private static void awaitCheckpoint(RetryingClient operator, long execution) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      JsonNode run = operator.get("/api/v1/batch/executions/" + execution).body();
      if (run.path("steps").path(0).path("commitCount").asLong() >= 1) {
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("STARTED");
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the backup never checkpointed");
  }

  private static JsonNode awaitEnd(RetryingClient operator, long execution) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode run = operator.get("/api/v1/batch/executions/" + execution).body();
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run.path("status").asText())) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("execution " + execution + " did not end");
  }

  private static BlobContainerClient container(Map<String, String> env, String name) {
    BlobContainerClient container = new BlobServiceClientBuilder()
        .connectionString(env.get("AZURE_STORAGE_CONNECTION_STRING")).buildClient()
        .getBlobContainerClient(env.get(name));
    container.createIfNotExists();
    return container;
  }

  private static long count(FaultsDatabase db, String query) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(FaultsDatabase db, String statement) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }
}
