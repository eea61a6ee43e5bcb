package dev.mechanics.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The README's run command, started as a user would: the launcher ({@link RunServer}) in its own JVM against its
 * own copy of the packaged server ({@code WLP_USER_DIR} under {@code target/<name>}), on free ports, beside the
 * test server. {@link #close} stops whatever is left and removes the copy.
 */
final class RunCommandLaunches implements AutoCloseable {

  static final Duration START_LIMIT = Duration.ofMinutes(4);

  private final Path work;
  private final Path runData;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> launchers = new ArrayList<>();

  RunCommandLaunches(String name) {
    this.work = Path.of("target", name).toAbsolutePath();
    this.runData = work.resolve("run-data");
  }

  Path runData() {
    return runData;
  }

  /** Liberty's own log of the copy. */
  Path messagesLog() {
    return work.resolve("usr/servers/mechanics/logs/messages.log");
  }

  /** The packaged server, copied to its own user directory so the test server's files stay untouched. */
  Path prepareServerCopy() throws IOException {
    Path testServer = Path.of(System.getProperty("it.server.dir"));
    Path wlp = testServer.resolve("../../..").normalize();
    deleteTree(work);
    Path server = work.resolve("usr/servers/mechanics");
    Files.createDirectories(server.resolve("apps"));
    for (String file : new String[] {"server.xml", "jvm.options", "bootstrap.properties", "apps/mechanics.ear"}) {
      if (Files.exists(testServer.resolve(file))) {
        Files.copy(testServer.resolve(file), server.resolve(file));
      }
    }
    // the keystore and LTPA passwords the plugin generated, without the test run's JWT_SECRET
    List<String> serverEnv = new ArrayList<>(Files.readAllLines(testServer.resolve("server.env")));
    serverEnv.removeIf(line -> line.startsWith("JWT_SECRET="));
    Files.write(server.resolve("server.env"), serverEnv);
    Path jdbc = work.resolve("usr/shared/resources/jdbc");
    Files.createDirectories(jdbc);
    try (Stream<Path> jars = Files.list(wlp.resolve("usr/shared/resources/jdbc"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, jdbc.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return wlp;
  }

  /** Starts the launcher with nothing configured but what it sets itself, and {@code extraEnv}. */
  Launch launch(Path wlp, Map<String, String> extraEnv) throws IOException {
    int port = freePort();
    Path output = work.resolve("launch-" + (launchers.size() + 1) + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RunServer.class.getName(), wlp.toString(), runData.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    // as on a newcomer's machine: nothing configured but what the launcher sets itself
    env.keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("REDIS_")
        || name.startsWith("AZURE_") || name.startsWith("SMTP_") || name.startsWith("WLP_")
        || DevSecrets.NAMES.contains(name) || name.equals("DEMO_DATA") || name.equals("ENCRYPTION_KEYS_RETIRED")
        || name.equals("APP_ENVIRONMENT") || name.equals("PUBLIC_BASE_URL") || name.equals("FRONT_DOOR_ID")
        || name.equals("TRUSTED_PROXIES"));
    env.put("PORT", Integer.toString(port));
    env.put("EMBEDDED_PG_PORT", Integer.toString(freePort()));
    env.put("WLP_USER_DIR", work.resolve("usr").toString());
    env.putAll(extraEnv);
    Process process = builder.start();
    launchers.add(process);
    return new Launch(process, port, output);
  }

  HttpResponse<String> send(int port, String method, String path, String token, String body,
                            Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    List<ProcessHandle> leftovers = new ArrayList<>();
    for (Process launcher : launchers) {
      leftovers.addAll(launcher.descendants().toList());
      leftovers.add(launcher.toHandle());
    }
    Path pid = runData.resolve("postgres/postmaster.pid");
    if (Files.exists(pid)) {
      // only if that process still is this test's PostgreSQL (a stale file's pid may belong to another by now)
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
          .filter(p -> p.info().commandLine().orElse("").contains(runData.toString())).ifPresent(leftovers::add);
    }
    for (ProcessHandle process : leftovers) {
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    }
    deleteTree(work);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** One start of the launcher: its process, HTTP port and console. */
  final class Launch {
    final Process process;
    final int port;
    final Path output;

    Launch(Process process, int port, Path output) {
      this.process = process;
      this.port = port;
      this.output = output;
    }

    void awaitReady() throws Exception {
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      while (System.nanoTime() < deadline) {
        String console = Files.readString(output);
        if (console.contains("Mechanics is ready")) {
          return;
        }
        if (!process.isAlive()) {
          throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + tail(console));
        }
        Thread.sleep(500);
      }
      throw new AssertionError("not ready within " + START_LIMIT + ":\n" + tail(Files.readString(output)));
    }

    /** Waits for a launcher that must give up by itself; its console. */
    String awaitFailure() throws Exception {
      assertThat(process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the launcher gave up").isTrue();
      assertThat(process.exitValue()).isNotZero();
      assertStoppedEverything();
      return Files.readString(output);
    }

    /** Ctrl+C: the launcher stops Liberty and the embedded PostgreSQL before it exits. */
    void stop() throws Exception {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroy();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher stopped").isTrue();
      for (ProcessHandle child : children) {
        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("Liberty stopped").isFalse();
      }
      assertStoppedEverything();
    }

    void assertStoppedEverything() {
      assertThat(runData.resolve("postgres/postmaster.pid")).as("the embedded PostgreSQL stopped").doesNotExist();
    }

    private String tail(String console) {
      String[] lines = console.split("\n");
      return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 25), lines.length));
    }
  }
}
