package dev.mechanics.devserver;

import dev.mechanics.it.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run command's launcher ({@code mvn -Prun verify}): starts the Liberty server that the build packaged,
 * with an embedded PostgreSQL and the demo chain when {@code DATABASE_URL} is unset, and prints where to go.
 * The embedded run keeps its data and its keys ({@link DevSecrets}) in {@code <run data>/}, so a restart reads
 * what the last run wrote. When the application cannot start, it prints the cause and exits non-zero at once.
 * Ctrl+C stops both.
 *
 * <p>Arguments: the Liberty installation ({@code wlp}) and the run-data folder. Honours {@code PORT},
 * {@code EMBEDDED_PG_PORT} and Liberty's {@code WLP_USER_DIR} (the restart test runs its own copy of the server).
 */
public final class RunServer {

  private static final Duration START_LIMIT = Duration.ofMinutes(5);
  /** How long a started application may report "not ready" before the run gives up. */
  private static final Duration READY_LIMIT = Duration.ofSeconds(90);

  private RunServer() {
  }

  public static void main(String[] args) throws Exception {
    Path wlp = Path.of(args[0]).toAbsolutePath();
    Path runData = Path.of(args[1]).toAbsolutePath();
    String port = System.getenv().getOrDefault("PORT", "9080");
    String userDir = System.getenv("WLP_USER_DIR");
    Path serverDir = (userDir == null ? wlp.resolve("usr") : Path.of(userDir)).resolve("servers/mechanics");
    forgetInterruptedTestRun(serverDir);

    ProcessBuilder server = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", "mechanics")
        .redirectErrorStream(true);
    Map<String, String> env = server.environment();
    EmbeddedPostgres embedded = null;
    String databaseUrl = System.getenv("DATABASE_URL");
    if (databaseUrl == null || databaseUrl.isBlank()) {
      Path pgData = runData.resolve("postgres");
      Path secretsFile = runData.resolve("dev-secrets.properties");
      if (Files.exists(pgData.resolve("PG_VERSION")) && !Files.exists(secretsFile)) {
        // data written under keys that were never kept (an earlier launcher): unreadable, so start afresh
        Path aside = runData.resolve("postgres.unreadable-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.move(pgData, aside);
        System.out.println("[run] " + pgData + " was written under keys that were not kept; moved to " + aside);
      }
      Files.createDirectories(pgData);
      // zonky runs the PostgreSQL binaries it unpacks itself, and copes with being run as root.
      embedded = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
          .setPort(Integer.parseInt(System.getenv().getOrDefault("EMBEDDED_PG_PORT", "54329"))).start();
      env.put("DATABASE_URL", "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres");
      env.putIfAbsent("DEMO_DATA", "true");
      Map<String, String> secrets = DevSecrets.loadOrCreate(secretsFile);
      // a key set in the environment wins; the stored one is never written over
      secrets.forEach((name, value) -> {
        String given = System.getenv(name);
        env.put(name, given == null || given.isBlank() ? value : given);
      });
      System.out.println("[run] DATABASE_URL is not set: embedded PostgreSQL on port " + embedded.getPort()
          + " (data in " + pgData + ", its keys in " + secretsFile + ")");
    }

    // without a mail server, mails (with their links) are kept as files beside the run's data, never in the log
    boolean mailKept = System.getenv().getOrDefault("SMTP_HOST", "").isBlank();
    Path mailbox = Path.of(env.computeIfAbsent("DEV_MAILBOX_DIR", name -> runData.resolve("mailbox").toString()));

    Process process = server.start();
    StartupWatch watch = new StartupWatch();
    Thread console = new Thread(() -> relay(process, watch), "liberty-console");
    console.setDaemon(true);
    console.start();
    EmbeddedPostgres database = embedded;
    Thread stopper = new Thread(() -> stop(process, database));
    Runtime.getRuntime().addShutdownHook(stopper);

    String failure = awaitReady(process, watch, port);
    if (failure != null) {
      Runtime.getRuntime().removeShutdownHook(stopper);
      stop(process, database);
      console.join(2000);
      System.out.println();
      System.out.println("[run] The application did not start: " + failure);
      System.out.println("[run] Liberty's log: " + serverDir.resolve("logs/messages.log"));
      System.exit(1);
    }
    System.out.println();
    System.out.println("  Mechanics is ready:   http://localhost:" + port + "/");
    System.out.println("  API:                  http://localhost:" + port + "/api/v1");
    System.out.println("  Swagger UI:           http://localhost:" + port + "/openapi/ui");
    if (embedded != null || "true".equalsIgnoreCase(env.get("DEMO_DATA"))) {
      System.out.println("  Demo owner sign-in:   owner@demo.mechanics.dev / demo-Garage-2026");
    }
    if (mailKept) {
      System.out.println("  Mail (SMTP_HOST unset): not sent; each message is a .eml file in " + mailbox);
    }
    System.out.println();
    System.exit(process.waitFor());
  }

  /** A test run that was interrupted may have left its database, port and JWT_SECRET behind. */
  private static void forgetInterruptedTestRun(Path serverDir) throws IOException {
    Files.deleteIfExists(serverDir.resolve(TestDatabase.OVERRIDE));
    Path serverEnv = serverDir.resolve("server.env");
    if (Files.exists(serverEnv)) {
      List<String> lines = Files.readAllLines(serverEnv);
      if (lines.removeIf(line -> line.startsWith("JWT_SECRET="))) {
        Files.write(serverEnv, lines);
      }
    }
  }

  /** Copies Liberty's console to ours and lets the watch read it. */
  private static void relay(Process process, StartupWatch watch) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        System.out.println(line);
        watch.accept(line);
      }
    } catch (IOException e) {
      // the server went away; main() notices
    }
  }

  /** Null once /health/ready answers 200; else why the application will not serve, in one line. */
  private static String awaitReady(Process process, StartupWatch watch, String port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    long startedAt = 0;
    String lastAnswer = "no answer";
    while (System.nanoTime() - start < START_LIMIT.toNanos()) {
      if (watch.failure().isPresent()) {
        return watch.failure().get();
      }
      if (!process.isAlive()) {
        return "Liberty stopped with exit code " + process.exitValue() + " (see its messages above)";
      }
      try {
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return null;
        }
        lastAnswer = r.statusCode() + " " + r.body().replaceAll("\\s+", " ");
        startedAt = startedAt == 0 && watch.started() ? System.nanoTime() : startedAt;
        if (startedAt != 0 && System.nanoTime() - startedAt > READY_LIMIT.toNanos()) {
          return "it started, but /health/ready still answers " + lastAnswer;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    return "not ready within " + START_LIMIT.toMinutes() + " minutes; /health/ready answers " + lastAnswer;
  }

  private static void stop(Process process, EmbeddedPostgres database) {
    try {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      if (database != null) {
        database.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.out.println("[run] could not stop the embedded PostgreSQL: " + e.getMessage());
    }
  }
}
