package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.it.faults.support.FaultsDatabase;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.OutageClient;
import dev.mechanics.it.faults.support.OutageClient.Answer;
import dev.mechanics.it.faults.support.ServerProcess;
import dev.mechanics.it.faults.support.TcpProxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16.5, the job half: Blob Storage goes away (cut, then in a second round hangs) while the file-backup job
 * copies; the run fails by itself, and its restart once storage is back completes from the last checkpoint with
 * every uploaded file in the backup exactly once (copied or skipped as already copied, none failed).
 */
@ExtendWith(LogOnFailure.class)
class FileBackupOutageLongIT {

  private static final String OPERATOR = "operator@platform.mechanics.dev";
  private static final String PASSWORD = "operator-Garage-2026";
  private static final int FILES = 30;
  private static final Duration LIMIT = Duration.ofSeconds(15);

  private FaultsDatabase database;
  private TcpProxy blob;
  private ServerProcess server;

  @Test
  void aFileBackupThatLosesItsStoreFailsAndItsRestartCopiesEveryFileOnce() throws Exception {
    database = FaultsDatabase.create("filebackup");
    int azurite = Integer.getInteger("it.azurite.port", 10000);
    blob = TcpProxy.to("azurite", azurite);
    Map<String, String> env = ServerProcess.environment(database);
    String direct = env.get("AZURE_STORAGE_CONNECTION_STRING");
    assertThat(direct).as("this run's Azurite (it.properties)").isNotNull();
    env.put("AZURE_STORAGE_CONNECTION_STRING", direct.replace("127.0.0.1:" + azurite + "/",
        "127.0.0.1:" + blob.port() + "/"));
    var service = new BlobServiceClientBuilder().connectionString(direct).buildClient();
    BlobContainerClient uploads = service.getBlobContainerClient(env.get("STORAGE_CONTAINER_UPLOADS"));
    BlobContainerClient backups = service.getBlobContainerClient(env.get("STORAGE_CONTAINER_BACKUPS"));
    uploads.createIfNotExists();
    TreeSet<String> keys = new TreeSet<>();
    for (int i = 0; i < FILES; i++) {
      String key = "org/work-orders/wo/photo-" + String.format("%02d", i) + ".jpg";
      uploads.getBlobClient(key).upload(BinaryData.fromString("photo " + i), true);
      keys.add(key);
    }
    server = ServerProcess.prepare("file-backup-outage", env).start();
    OutageClient operator = operator();

    for (String outage : List.of("cut", "blackhole")) {
      String running = start(operator, Map.of("chunkSize", "3", "delayMillis", "150"));
      operator.timeUntil(() -> operator.get("/api/v1/batch/executions/" + running, LIMIT),
          a -> a.json().path("steps").path(0).path("commitCount").asLong() >= 2, Duration.ofMinutes(2));
      if (outage.equals("cut")) {
        blob.cut();
      } else {
        blob.blackhole();
      }
      JsonNode failed = awaitEnd(operator, running);
      assertThat(failed.path("status").asText()).as("storage %s: %s", outage, failed).isEqualTo("FAILED");
      blob.restore();
      Answer restarted = operator.post("/api/v1/batch/executions/" + running + "/restart", "{}", LIMIT);
      assertThat(restarted.status()).as(restarted.toString()).isEqualTo(201);
      JsonNode done = awaitEnd(operator, restarted.json().path("executionId").asText());
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
      long[] counts = counts(done.path("steps").path(0).path("exitStatus").asText());
      System.out.println("[file-backup] storage " + outage + ": restart " + done.path("steps").path(0)
          .path("exitStatus").asText());
      assertThat(counts[2]).as("no file failed").isZero();
      assertThat(counts[0] + counts[1]).as("every file handled once across both executions").isEqualTo(FILES);
      String prefix = "file-backup/" + LocalDate.now(ZoneOffset.UTC) + "/";
      TreeSet<String> backedUp = new TreeSet<>();
      for (BlobItem item : backups.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
        assertThat(backedUp.add(item.getName().substring(prefix.length()))).isTrue();
        assertThat(backups.getBlobClient(item.getName()).downloadContent().toString()).isEqualTo(
            uploads.getBlobClient(item.getName().substring(prefix.length())).downloadContent().toString());
      }
      assertThat(backedUp).as("no file missing, none extra").isEqualTo(keys);
      // the second round starts afresh: a new day's folder would be the same, so empty the backups
      backups.listBlobs().forEach(item -> backups.getBlobClient(item.getName()).delete());
    }
  }

  private OutageClient operator() throws Exception {
    OutageClient anonymous = new OutageClient(server.baseUrl());
    Answer signedUp = anonymous.post("/api/v1/organizations", "{\"organizationName\":\"Platform Ops\","
        + "\"shopName\":\"Ops\",\"timeZone\":\"UTC\",\"currency\":\"USD\",\"ownerName\":\"Platform Operator\","
        + "\"ownerEmail\":\"" + OPERATOR + "\",\"ownerPassword\":\"" + PASSWORD + "\"}", LIMIT);
    assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
    // the role needs a proven address (PlatformOperatorIT follows the mailed link); here it is marked proven
    try (Connection db = database.connect(); Statement st = db.createStatement()) {
      st.executeUpdate("update users set email_verified_at = now() where email = '" + OPERATOR + "'");
    }
    return anonymous.signIn(OPERATOR, PASSWORD);
  }

  private static String start(OutageClient operator, Map<String, String> parameters) throws Exception {
    StringBuilder json = new StringBuilder("{\"jobName\":\"file-backup\",\"parameters\":{");
    parameters.forEach((k, v) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
        .append('"').append(k).append("\":\"").append(v).append('"'));
    Answer started = operator.post("/api/v1/batch/executions", json.append("}}").toString(), LIMIT);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().path("executionId").asText();
  }

  private static JsonNode awaitEnd(OutageClient operator, String execution) throws Exception {
    Answer[] last = new Answer[1];
    operator.timeUntil(() -> last[0] = operator.get("/api/v1/batch/executions/" + execution, LIMIT),
        a -> List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(a.json().path("status").asText()),
        Duration.ofMinutes(3));
    return last[0].json();
  }

  /** "COPIED n SKIPPED m FAILED k" -> {n, m, k} */
  private static long[] counts(String summary) {
    String[] parts = summary.split(" ");
    assertThat(parts).as(summary).hasSize(6);
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[3]), Long.parseLong(parts[5])};
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {server, blob, database}) {
      if (c != null) {
        c.close();
      }
    }
  }
}
