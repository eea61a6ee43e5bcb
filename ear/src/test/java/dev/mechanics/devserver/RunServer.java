package dev.mechanics.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The run command's launcher ({@code mvn -Prun verify}): starts the Liberty server that the build packaged,
 * with an embedded PostgreSQL and the demo chain when {@code DATABASE_URL} is unset, and prints where to go.
 * Ctrl+C stops both.
 */
public final class RunServer {

  private RunServer() {
  }

  public static void main(String[] args) throws Exception {
    Path wlp = Path.of(args[0]);
    Path pgData = Path.of(args[1]);
    String port = System.getenv().getOrDefault("PORT", "9080");
    // A test run that was interrupted may have left its database and port override behind.
    Files.deleteIfExists(wlp.resolve("usr/servers/mechanics").resolve(dev.mechanics.it.support.TestDatabase.OVERRIDE));
    ProcessBuilder server = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", "mechanics")
        .inheritIO();
    Map<String, String> env = server.environment();
    EmbeddedPostgres embedded = null;
    if (System.getenv("DATABASE_URL") == null || System.getenv("DATABASE_URL").isBlank()) {
      Files.createDirectories(pgData);
      // zonky runs the PostgreSQL binaries it unpacks itself, and copes with being run as root.
      embedded = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
          .setPort(Integer.parseInt(System.getenv().getOrDefault("EMBEDDED_PG_PORT", "54329"))).start();
      env.put("DATABASE_URL", "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres");
      env.putIfAbsent("DEMO_DATA", "true");
      System.out.println("[run] DATABASE_URL is not set: embedded PostgreSQL on port " + embedded.getPort()
          + " (data in " + pgData + ")");
    }
    Process process = server.start();
    EmbeddedPostgres database = embedded;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      process.destroy();
      try {
        process.waitFor();
        if (database != null) {
          database.close();
        }
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    }));
    announceWhenReady(port, embedded != null || "true".equalsIgnoreCase(env.get("DEMO_DATA")));
    int exit = process.waitFor();
    System.exit(exit);
  }

  private static void announceWhenReady(String port, boolean demo) {
    Thread announcer = new Thread(() -> {
      HttpClient http = HttpClient.newHttpClient();
      URI ready = URI.create("http://localhost:" + port + "/health/ready");
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            System.out.println();
            System.out.println("  Mechanics is ready:   http://localhost:" + port + "/");
            System.out.println("  API:                  http://localhost:" + port + "/api/v1");
            System.out.println("  Swagger UI:           http://localhost:" + port + "/openapi/ui");
            if (demo) {
              System.out.println("  Demo owner sign-in:   owner@demo.mechanics.dev / demo-Garage-2026");
            }
            System.out.println();
            return;
          }
        } catch (IOException e) {
          // not up yet
        } catch (InterruptedException e) {
          return;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.out.println("[run] the server did not become ready within 5 minutes; see its log above");
    });
    announcer.setDaemon(true);
    announcer.start();
  }
}
