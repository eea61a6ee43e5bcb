package dev.mechanics.it.faults.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two server instances on one database of their own and the shared Redis, behind a round-robin {@link TcpProxy}
 * that plays App Service's front end: it sends new connections only to instances whose {@code /health/ready}
 * answers 200 (polled every 200 ms), and to the other one when an instance refuses the connection. Started once
 * per test JVM ({@link #shared}) for the scale-out tests and stopped when the JVM ends.
 *
 * <p>A wrapper, not a change of {@link TcpProxy} or {@link ServerProcess}: they belong to the other fault tests.
 */
public final class ScaledOut {

  private static ScaledOut shared;

  public final FaultsDatabase database;
  public final ServerProcess a;
  public final ServerProcess b;
  public final TcpProxy proxy;
  private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final Thread prober;
  private volatile boolean closed;
  private volatile List<Integer> pinned;

  private ScaledOut(FaultsDatabase database, ServerProcess a, ServerProcess b, TcpProxy proxy) {
    this.database = database;
    this.a = a;
    this.b = b;
    this.proxy = proxy;
    this.prober = new Thread(this::probeLoop, "scaled-out-readiness");
    prober.setDaemon(true);
    prober.start();
  }

  /** The pair, started on first use: both instances at once (they migrate the one database concurrently). */
  public static synchronized ScaledOut shared() throws Exception {
    if (shared == null) {
      FaultsDatabase database = FaultsDatabase.create("scaleout");
      Map<String, String> env = ServerProcess.environment(database);
      env.put("RATE_LIMIT_API_PER_MINUTE", Integer.toString(API_LIMIT));
      env.put("RATE_LIMIT_SIGNIN_PER_MINUTE", Integer.toString(SIGNIN_LIMIT));
      env.put("SHUTDOWN_DRAIN", "3s");
      env.put("BODY_READ_TIMEOUT", "5s");
      env.put("HTTP_READ_TIMEOUT", "5s");
      // one folder for both instances (what one Blob Storage account is to them), holding only this pair's files
      env.remove("AZURE_STORAGE_CONNECTION_STRING");
      java.nio.file.Path files = java.nio.file.Path.of("target", "faults", "scaleout-files").toAbsolutePath();
      ServerProcess.deleteTree(files);
      java.nio.file.Files.createDirectories(files);
      env.put("STORAGE_LOCAL_DIR", files.toString());
      ServerProcess a = ServerProcess.prepare("scaleout-a", env);
      ServerProcess b = ServerProcess.prepare("scaleout-b", env);
      a.launch();
      b.launch();
      a.awaitReady();
      b.awaitReady();
      TcpProxy proxy = TcpProxy.roundRobin("front-end", List.of(a.port(), b.port()));
      ScaledOut pair = new ScaledOut(database, a, b, proxy);
      Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
      shared = pair;
    }
    return shared;
  }

  /** API calls per user and minute on the pair (one budget for both instances); unlimited for the bench. */
  public static final int API_LIMIT = System.getenv("BENCH_TWO_INSTANCES") == null ? 400 : 10_000_000;
  /** Sign-ins per client address and minute on the pair. */
  public static final int SIGNIN_LIMIT = 25;

  /** The one address clients use. */
  public String baseUrl() {
    return "http://127.0.0.1:" + proxy.port();
  }

  /** The front end sends new connections to these instances only, ready or not (null: back to readiness). */
  public void pin(List<ServerProcess> instances) throws InterruptedException {
    pinned = instances == null ? null : instances.stream().map(ServerProcess::port).toList();
    Thread.sleep(500);
  }

  /** The folder both instances keep their files in (uploads/ and backups/ below it). */
  public java.nio.file.Path files() {
    return java.nio.file.Path.of(a.env().get("STORAGE_LOCAL_DIR"));
  }

  public List<ServerProcess> instances() {
    return List.of(a, b);
  }

  private void probeLoop() {
    while (!closed) {
      List<CompletableFuture<Boolean>> answers = new ArrayList<>();
      for (ServerProcess server : instances()) {
        answers.add(probe.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding())
            .thenApply(r -> r.statusCode() == 200).exceptionally(e -> false));
      }
      List<Integer> ready = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).join()) {
          ready.add(instances().get(i).port());
        }
      }
      // none ready: keep both, a refused connection still falls through to the other
      List<Integer> fixed = pinned;
      proxy.setUpstreamPorts(fixed != null ? fixed : ready.isEmpty() ? List.of(a.port(), b.port()) : ready);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void close() {
    closed = true;
    try {
      proxy.close();
    } catch (IOException e) {
      // ending anyway
    }
    for (ServerProcess server : instances()) {
      try {
        server.close();
      } catch (Exception e) {
        // ending anyway
      }
    }
    try {
      database.close();
    } catch (Exception e) {
      System.out.println("[ScaledOut] database not dropped: " + e);
    }
  }
}
