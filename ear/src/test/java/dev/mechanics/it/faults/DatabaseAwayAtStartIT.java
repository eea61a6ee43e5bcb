package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.FaultsDatabase;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.OutageClient;
import dev.mechanics.it.faults.support.OutageClient.Answer;
import dev.mechanics.it.faults.support.ServerProcess;
import dev.mechanics.it.faults.support.TcpProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance that starts while PostgreSQL is away (a failover on Azure, a connection that times out under load)
 * deploys anyway, says it is not ready, and migrates and becomes ready by itself once the database is back, without
 * a restart (ADR 0055). The database is a fresh one, so the whole migration runs after the restore.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogOnFailure.class)
class DatabaseAwayAtStartIT {

  private static final Duration CALL_LIMIT = Duration.ofSeconds(5);
  /** From launch to the application's own readiness check answering (a slow, shared machine). */
  private static final Duration DEPLOYED_WITHIN = Duration.ofMinutes(4);
  /** From the restore to ready: the next retry (at most 10 s away) plus every migration on an empty database. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private FaultsDatabase database;
  private TcpProxy postgres;
  private ServerProcess server;

  @BeforeAll
  void prepareServerBehindACutDatabase() throws Exception {
    database = FaultsDatabase.create("boot");
    postgres = TcpProxy.to("postgres", database.serverPort());
    // hangs rather than refuses: the observed failure was a first connection that timed out
    postgres.blackhole();
    Map<String, String> env = ServerProcess.environment(database);
    env.put("DATABASE_URL", database.appUrlThrough(postgres.port()));
    env.put("DATABASE_MIGRATION_URL", database.migrationUrlThrough(postgres.port()));
    server = ServerProcess.prepare("database-away-at-start", env);
  }

  @AfterAll
  void stopAll() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {server, postgres, database}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void startsWithoutTheDatabaseIsNotReadyThenMigratesAndServesOnceItIsBack() throws Exception {
    server.launch();
    OutageClient client = new OutageClient(server.baseUrl());
    // Liberty answers 503 before any application is up: wait for the application's own schema check
    client.timeUntil(() -> client.get("/health/ready", CALL_LIMIT),
        a -> a.status() == 503 && a.body().contains("\"database-schema\""), DEPLOYED_WITHIN);
    Answer ready = client.get("/health/ready", CALL_LIMIT);
    assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
    assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
    Answer live = client.get("/health/live", CALL_LIMIT);
    assertThat(live.status()).as("alive while it waits: %s", live).isEqualTo(200);
    Thread.sleep(5_000);
    assertThat(client.get("/health/ready", CALL_LIMIT).status()).as("still not ready").isEqualTo(503);

    postgres.restore();
    long readyAfter = client.timeUntil(() -> client.get("/health/ready", CALL_LIMIT), Answer::ok, READY_WITHIN);
    System.out.println("[recovery] database away at start: ready " + readyAfter + " ms after it was back");

    client.signInAsDemoOwner();
    Answer customers = client.get("/api/v1/customers", CALL_LIMIT);
    assertThat(customers.status()).as(customers.toString()).isEqualTo(200);
  }
}
