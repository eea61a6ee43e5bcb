package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The batch jobs end to end through /api/v1/batch, against the started server and this run's database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchIT {

  private static final String OPERATOR_PASSWORD = "operator-Garage-2026";
  /** Tables the jobs themselves write while a backup is restored: not expected to match the live database. */
  private static final Set<String> BOOKKEEPING = Set.of("batch_runs", "batch_run_outputs", "database_backups",
      "batch_execution_heartbeats", "batch_stop_requests");
  private static String operator;
  private static String backupKey;
  private static String backupExecution;

  @BeforeAll
  static void signUpTheOperator() {
    Api.anonymous().body(Map.of("organizationName", "Platform Ops", "shopName", "Ops", "timeZone", "UTC",
        "currency", "USD", "ownerName", "Platform Operator", "ownerEmail", TestDatabase.PLATFORM_OPERATOR_EMAIL,
        "ownerPassword", OPERATOR_PASSWORD)).post("/organizations");
    // the role needs a proven address (PlatformOperatorIT follows the mailed link); here it is marked proven
    try (Connection db = Api.database(); Statement st = db.createStatement()) {
      st.executeUpdate("update users set email_verified_at = now() where email = '"
          + TestDatabase.PLATFORM_OPERATOR_EMAIL + "' and email_verified_at is null");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    operator = Api.login(TestDatabase.PLATFORM_OPERATOR_EMAIL, OPERATOR_PASSWORD);
  }

  private static io.restassured.specification.RequestSpecification as(String token) {
    return Api.anonymous().header("Authorization", "Bearer " + token);
  }

  private static JsonPath awaitEnd(String token, String executionId) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      JsonPath run = as(token).get("/batch/executions/" + executionId).then().statusCode(200).extract().jsonPath();
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run.getString("status"))) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("execution " + executionId + " did not end");
  }

  private static String start(String token, String job, Map<String, String> parameters) {
    Response r = as(token).body(Map.of("jobName", job, "parameters", parameters)).post("/batch/executions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.path("executionId").toString();
  }

  private static com.azure.storage.blob.BlobContainerClient backups() {
    return new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("backups");
  }

  private static byte[] blob(String key) {
    return backups().getBlobClient(key).downloadContent().toBytes();
  }

  private static String manifestKey(String objectKey) {
    return objectKey.replace(".backup", ".manifest.json");
  }

  private static String newEmptyDatabase(String label) throws Exception {
    String name = ("mechanics_it_" + label + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    try (Connection c = Api.database(); Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
    return name;
  }

  private static Connection connect(String database) throws Exception {
    var url = Api.databaseUrl();
    var props = new java.util.Properties();
    if (url.user() != null) {
      props.setProperty("user", url.user());
    }
    if (url.password() != null) {
      props.setProperty("password", url.password());
    }
    return new org.postgresql.Driver().connect(url.jdbcUrl().replace("/" + url.database(), "/" + database), props);
  }

  private static void drop(String database) throws Exception {
    try (Connection c = Api.database(); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + database + " with (force)");
    }
  }

  // Columns the server's own background work moves after the snapshot, left out of the comparison so that a
  // table's content is compared: the sealer links committed audit rows into the chain shortly after they are
  // written (seq, prev_hash, hash), and the outbox's sender keeps delivering and retrying its mails and webhooks
  // (state, attempts, schedule, lease, error, sent time; the payload is cleared once sent).
  private static final Map<String, String> MOVED_AFTER_SNAPSHOT = Map.of(
      "audit_events", " - 'seq' - 'prev_hash' - 'hash'",
      "outbox", " - 'payload' - 'state' - 'attempts' - 'next_attempt_at' - 'last_error' - 'lease_owner'"
          + " - 'lease_until' - 'sent_at'");

  private static String fingerprint(Connection c, String table) throws Exception {
    String row = "(to_jsonb(t)" + MOVED_AFTER_SNAPSHOT.getOrDefault(table, "") + ")::text";
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) || ':' || "
        + "coalesce(md5(string_agg(" + row + ", '|' order by " + row + ")), '') from public.\"" + table + "\" t")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  @Order(1)
  void theDatabaseBackupIsWrittenEncryptedAndRestoreVerified() throws Exception {
    Api.demoAs("OWNER").createCustomer("Backup", "Customer");
    backupExecution = start(operator, "database-backup", Map.of());
    JsonPath run = awaitEnd(operator, backupExecution);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getList("steps.name")).containsExactly("snapshot", "verify", "retention");
    assertThat(run.getList("steps.status")).containsOnly("COMPLETED");
    backupKey = run.getString("outputs[0].objectKey");
    assertThat(backupKey).startsWith("db-backup/" + LocalDate.now(ZoneOffset.UTC) + "/").endsWith(".backup");
    // the object and its manifest are in Blob Storage (this run's Azurite), container "backups"
    byte[] object = blob(backupKey);
    String manifest = new String(blob(manifestKey(backupKey)), java.nio.charset.StandardCharsets.UTF_8);
    JsonPath m = JsonPath.from(manifest);
    assertThat(m.getLong("objectBytes")).isEqualTo(object.length);
    assertThat(m.getString("sha256")).hasSize(64);
    assertThat(m.getString("schemaVersion")).isNotBlank();
    assertThat(m.getList("tables.name")).contains("customers", "organizations", "batch_schedules");
    // the key never travels with the backup, and the object is not readable without it
    assertThat(manifest).doesNotContain(TestDatabase.BACKUP_KEY);
    assertThat(new String(object, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("Backup").doesNotContain("customers");
    try (Connection c = Api.database(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select verified from database_backups where object_key = '" + backupKey + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
    }
    // the job repository is Liberty's tables in PostgreSQL (migration V31): the run outlives the server
    try (Connection c = Api.database(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select e.batchstatus, i.jobname from batch.jobexecution e "
             + "join batch.jobinstance i on i.jobinstanceid = e.fk_jobinstanceid where e.jobexecid = " + backupExecution)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("jobname")).isEqualTo("database-backup");
      assertThat(rs.getInt("batchstatus")).isEqualTo(jakarta.batch.runtime.BatchStatus.COMPLETED.ordinal());
    }
    String metrics = Api.metrics();
    assertThat(metrics).containsPattern("backup_last_success_age_seconds\\{[^}]*\\} [0-9]")
        .containsPattern("backup_last_success_size_bytes\\{[^}]*\\} [1-9]")
        .containsPattern("batch_job_runs_total\\{job=\"database-backup\",[^}]*outcome=\"COMPLETED\"[^}]*\\} [1-9]")
        .contains("batch_job_duration_seconds");
  }

  @Test
  @Order(2)
  void aBackupRestoresIntoANewDatabaseWithEveryTableEqual() throws Exception {
    // a backup of its own, taken just now: the live database it is compared with has not moved on since (and a
    // rerun of this test alone compares with a fresh snapshot too)
    JsonPath backup = awaitEnd(operator, start(operator, "database-backup", Map.of()));
    assertThat(backup.getString("status")).as(backup.prettify()).isEqualTo("COMPLETED");
    String key = backup.getString("outputs[0].objectKey");
    String target = newEmptyDatabase("restore");
    try {
      String execution = start(operator, "database-restore", Map.of("backupKey", key, "targetDatabase", target));
      JsonPath run = awaitEnd(operator, execution);
      assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
      JsonPath m = JsonPath.from(new String(blob(manifestKey(key)), java.nio.charset.StandardCharsets.UTF_8));
      List<String> tables = m.getList("tables.name");
      try (Connection source = Api.database(); Connection restored = connect(target)) {
        // every table that differs is named, not only the first
        org.assertj.core.api.SoftAssertions tablesEqual = new org.assertj.core.api.SoftAssertions();
        for (String table : tables) {
          if (!BOOKKEEPING.contains(table)) {
            tablesEqual.assertThat(fingerprint(restored, table)).as(table).isEqualTo(fingerprint(source, table));
          }
        }
        tablesEqual.assertAll();
        for (int i = 0; i < tables.size(); i++) {
          try (Statement st = restored.createStatement();
               ResultSet rs = st.executeQuery("select count(*) from public.\"" + tables.get(i) + "\"")) {
            rs.next();
            assertThat(rs.getLong(1)).as(tables.get(i)).isEqualTo(m.getLong("tables[" + i + "].rows"));
          }
        }
      }
    } finally {
      drop(target);
    }
  }

  @Test
  @Order(3)
  void aRestoreThatFailedRestartsFromItsFailedStepToCompletion() throws Exception {
    String target = newEmptyDatabase("restart");
    try {
      try (Connection c = connect(target); Statement st = c.createStatement()) {
        st.execute("create table leftover (id int)");
      }
      String failed = start(operator, "database-restore", Map.of("backupKey", backupKey, "targetDatabase", target));
      JsonPath run = awaitEnd(operator, failed);
      assertThat(run.getString("status")).isEqualTo("FAILED");
      // the run's error names the cause, not just "FAILED"
      assertThat(run.getString("error")).contains("is not empty");
      try (Connection c = connect(target); Statement st = c.createStatement()) {
        st.execute("drop table leftover");
      }
      Response restarted = as(operator).post("/batch/executions/" + failed + "/restart");
      restarted.then().statusCode(201);
      JsonPath second = awaitEnd(operator, restarted.path("executionId").toString());
      assertThat(second.getString("status")).as(second.prettify()).isEqualTo("COMPLETED");
      assertThat(second.getLong("instanceId")).isEqualTo(run.getLong("instanceId"));
      try (Connection c = connect(target)) {
        assertThat(fingerprint(c, "organizations")).isEqualTo(fingerprint(Api.database(), "organizations"));
      }
      // a completed run cannot be restarted, and the failed one was already restarted
      as(operator).post("/batch/executions/" + failed + "/restart").then().statusCode(409);
    } finally {
      drop(target);
    }
  }

  @Test
  @Order(4)
  void aBackupWithOneChangedByteIsRefusedAndNothingIsRestored() throws Exception {
    byte[] bytes = blob(backupKey);
    bytes[bytes.length / 2] ^= 0x01;
    backups().getBlobClient(backupKey).upload(com.azure.core.util.BinaryData.fromBytes(bytes), true);
    String target = newEmptyDatabase("corrupt");
    try {
      JsonPath run = awaitEnd(operator, start(operator, "database-restore",
          Map.of("backupKey", backupKey, "targetDatabase", target)));
      assertThat(run.getString("status")).isEqualTo("FAILED");
      try (Connection c = connect(target); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    } finally {
      bytes[bytes.length / 2] ^= 0x01;
      backups().getBlobClient(backupKey).upload(com.azure.core.util.BinaryData.fromBytes(bytes), true);
      drop(target);
    }
  }

  @Test
  @Order(5)
  void organizationsSeeNeitherPlatformRunsNorEachOthersSchedules() {
    Api.Tenant owner = Api.demoAs("OWNER");
    Api.Tenant other = Api.newOrganization("batch");
    owner.request().get("/batch/executions/" + backupExecution).then().statusCode(404);
    assertThat(owner.request().get("/batch/executions").then().statusCode(200).extract().jsonPath()
        .getList("items.jobName")).doesNotContain("database-backup", "database-restore");
    owner.request().body(Map.of("jobName", "database-backup")).post("/batch/executions").then().statusCode(403);
    Api.demoAs("TECHNICIAN").request().get("/batch/executions").then().statusCode(403);
    as(operator).get("/batch/executions").then().statusCode(200)
        .extract().jsonPath().getList("items.jobName").contains("database-backup");

    Response created = owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "0 7 * * 1-5",
        "timeZone", "America/New_York", "recipients", List.of("owner@demo.mechanics.dev"),
        "parameters", Map.of("period", "day"))).post("/batch/schedules");
    created.then().statusCode(201);
    String id = created.path("id");
    assertThat(owner.request().get("/batch/schedules").then().statusCode(200).extract().jsonPath()
        .getList("items.id")).contains(id);
    assertThat(other.request().get("/batch/schedules").then().statusCode(200).extract().jsonPath()
        .getList("items.id")).doesNotContain(id);
    other.request().get("/batch/schedules/" + id).then().statusCode(404);
    other.request().delete("/batch/schedules/" + id).then().statusCode(404);
    Map<String, Object> paused = Map.of("jobName", "daily-shop-report", "cron", "0 8 * * *", "timeZone", "UTC",
        "paused", true);
    other.request().header("If-Match", "\"0\"").body(paused).put("/batch/schedules/" + id).then().statusCode(404);
    owner.request().body(paused).put("/batch/schedules/" + id).then().statusCode(428);
    owner.request().header("If-Match", "\"0\"").body(paused).put("/batch/schedules/" + id).then().statusCode(200)
        .extract().jsonPath().getBoolean("paused");
    owner.request().header("If-Match", "\"0\"").body(paused).put("/batch/schedules/" + id).then().statusCode(412);
    owner.request().delete("/batch/schedules/" + id).then().statusCode(204);
    owner.request().get("/batch/schedules/" + id).then().statusCode(404);
  }

  @Test
  @Order(6)
  void badSchedulesAreRefusedWithProblemDetails() {
    Api.Tenant owner = Api.demoAs("OWNER");
    owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "99 7 * * *", "timeZone", "UTC"))
        .post("/batch/schedules").then().statusCode(422).contentType("application/problem+json");
    owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "0 7 * * *", "timeZone", "Mars/Base"))
        .post("/batch/schedules").then().statusCode(422);
    owner.request().body(Map.of("jobName", "database-backup", "cron", "0 7 * * *", "timeZone", "UTC"))
        .post("/batch/schedules").then().statusCode(422);
    owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "0 7 * * *", "timeZone", "UTC"))
        .post("/batch/schedules?scope=platform").then().statusCode(403);
    owner.request().get("/batch/executions/not-a-number").then().statusCode(404);
    owner.request().get("/batch/executions?limit=abc").then().statusCode(422);
    as(operator).get("/batch/schedules?scope=platform").then().statusCode(200)
        .extract().jsonPath().getList("items.jobName").contains("database-backup");
  }

  @Test
  @Order(7)
  void fileBackupCopiesEveryUploadOnceAndARestartedRunNeitherDuplicatesNorMisses() throws Exception {
    var uploads = new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("uploads");
    uploads.createIfNotExists();
    String prefix = "it-" + UUID.randomUUID() + "/";
    for (int i = 0; i < 23; i++) {
      uploads.getBlobClient(prefix + "photo-" + String.format("%02d", i) + ".jpg")
          .upload(com.azure.core.util.BinaryData.fromString("photo " + i + " " + "x".repeat(i * 100)), true);
    }
    long total = uploads.listBlobs().stream().count();
    String day = LocalDate.now(ZoneOffset.UTC).toString();

    // the first execution fails in its third chunk (BATCH_FAULT_INJECTION); two chunks are checkpointed
    String failed = start(operator, "file-backup", Map.of("chunkSize", "5", "failAtItem", "12"));
    JsonPath first = awaitEnd(operator, failed);
    assertThat(first.getString("status")).as(first.prettify()).isEqualTo("FAILED");
    assertThat(first.getString("error")).isNotBlank();
    Response restarted = as(operator).post("/batch/executions/" + failed + "/restart");
    restarted.then().statusCode(201);
    JsonPath second = awaitEnd(operator, restarted.path("executionId").toString());
    assertThat(second.getString("status")).as(second.prettify()).isEqualTo("COMPLETED");
    assertThat(second.getLong("instanceId")).isEqualTo(first.getLong("instanceId"));
    // across both executions every file is handled once: copied or (copied by the failed chunk) skipped
    long[] counts = counts(second.getString("steps[0].exitStatus"));
    assertThat(counts[0] + counts[1]).as(second.getString("steps[0].exitStatus")).isEqualTo(total);
    assertThat(counts[2]).isZero();
    for (int i = 0; i < 23; i++) {
      String key = prefix + "photo-" + String.format("%02d", i) + ".jpg";
      assertThat(backups().getBlobClient("file-backup/" + day + "/" + key).downloadContent().toString())
          .isEqualTo("photo " + i + " " + "x".repeat(i * 100));
    }
    assertThat(backups().listBlobs(new com.azure.storage.blob.models.ListBlobsOptions()
        .setPrefix("file-backup/" + day + "/" + prefix), null).stream().count()).isEqualTo(23);

    // a later run the same day copies only what changed
    uploads.getBlobClient(prefix + "photo-05.jpg").upload(com.azure.core.util.BinaryData.fromString("retaken"), true);
    JsonPath third = awaitEnd(operator, start(operator, "file-backup", Map.of()));
    assertThat(third.getString("status")).isEqualTo("COMPLETED");
    assertThat(counts(third.getString("steps[0].exitStatus"))).containsExactly(1, total - 1, 0);
    assertThat(backups().getBlobClient("file-backup/" + day + "/" + prefix + "photo-05.jpg").downloadContent()
        .toString()).isEqualTo("retaken");
  }

  @Test
  @Order(8)
  void aStoppedFileBackupRestartsFromItsCheckpointToCompletion() throws Exception {
    var uploads = new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("uploads");
    uploads.createIfNotExists();
    String prefix = "stop-" + UUID.randomUUID() + "/";
    for (int i = 0; i < 15; i++) {
      uploads.getBlobClient(prefix + "invoice-" + String.format("%02d", i) + ".pdf")
          .upload(com.azure.core.util.BinaryData.fromString("invoice " + i), true);
    }
    long total = uploads.listBlobs().stream().count();
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    String running = start(operator, "file-backup", Map.of("chunkSize", "2", "delayMillis", "300"));
    // wait for the first checkpoint (at most 3 s of the job's 4.5 s), then stop it between chunks
    for (int i = 0; i < 30; i++) {
      JsonPath run = as(operator).get("/batch/executions/" + running).then().statusCode(200).extract().jsonPath();
      if (run.getLong("steps[0].commitCount") > 0) {
        break;
      }
      Thread.sleep(100);
    }
    as(operator).post("/batch/executions/" + running + "/stop").then().statusCode(200);
    JsonPath stopped = awaitEnd(operator, running);
    assertThat(stopped.getString("status")).as(stopped.prettify()).isEqualTo("STOPPED");
    // a stopped run is not running any more
    as(operator).post("/batch/executions/" + running + "/stop").then().statusCode(409);
    Response restarted = as(operator).post("/batch/executions/" + running + "/restart");
    restarted.then().statusCode(201);
    JsonPath done = awaitEnd(operator, restarted.path("executionId").toString());
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("COMPLETED");
    long[] counts = counts(done.getString("steps[0].exitStatus"));
    assertThat(counts[0] + counts[1]).isEqualTo(total);
    assertThat(counts[2]).isZero();
    assertThat(backups().listBlobs(new com.azure.storage.blob.models.ListBlobsOptions()
        .setPrefix("file-backup/" + day + "/" + prefix), null).stream().count()).isEqualTo(15);
  }

  @Test
  @Order(9)
  void answersKeptForIdempotencyKeysAreForgottenOnceOlderThanTheirAge() throws Exception {
    String old = "expiry-old-" + UUID.randomUUID();
    String fresh = "expiry-fresh-" + UUID.randomUUID();
    try (Connection c = Api.database(); Statement st = c.createStatement()) {
      for (String[] row : new String[][] {{old, "49"}, {fresh, "47"}}) {
        st.executeUpdate("insert into idempotent_answers (id, organization_id, idempotency_key, request_hash, status,"
            + " created_at, updated_at) select gen_random_uuid(), id, '" + row[0] + "', 'h', 201, now() - interval '"
            + row[1] + " hours', now() - interval '" + row[1] + " hours' from organizations order by id limit 1");
      }
    }
    as(operator).body(Map.of("jobName", "idempotency-key-expiry", "parameters", Map.of("maxAgeHours", "two days")))
        .post("/batch/executions").then().statusCode(422).contentType("application/problem+json");
    Api.demoAs("OWNER").request().body(Map.of("jobName", "idempotency-key-expiry")).post("/batch/executions")
        .then().statusCode(403);
    JsonPath run = awaitEnd(operator, start(operator, "idempotency-key-expiry", Map.of("maxAgeHours", "48")));
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getString("steps[0].exitStatus")).matches("DELETED [1-9][0-9]* \\(OLDER THAN 48 H\\)");
    try (Connection c = Api.database(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select idempotency_key from idempotent_answers where idempotency_key in ('"
             + old + "', '" + fresh + "')")) {
      List<String> kept = new java.util.ArrayList<>();
      while (rs.next()) {
        kept.add(rs.getString(1));
      }
      assertThat(kept).containsExactly(fresh);
    }
  }

  /** "COPIED n SKIPPED m FAILED k" -> {n, m, k} */
  private static long[] counts(String summary) {
    String[] parts = summary.split(" ");
    assertThat(parts).as(summary).hasSize(6);
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[3]), Long.parseLong(parts[5])};
  }
}
