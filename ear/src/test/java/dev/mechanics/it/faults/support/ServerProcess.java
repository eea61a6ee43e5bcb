package dev.mechanics.it.faults.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged Liberty server (the one the build starts for the ITs) run as a separate OS process that a fault
 * test may kill: its own copy of the server directory ({@code WLP_USER_DIR} under {@code target/faults/<name>}, the
 * EAR linked, not copied), its own free HTTP port, and exactly the environment the test gives it (nothing is
 * inherited of DATABASE_*, REDIS_*, AZURE_*, SMTP_*, WLP_*). Two instances with different names run side by side
 * from the same installation. {@link #start} waits for {@code /health/ready}; {@link #kill9} is SIGKILL of the
 * server's JVM, {@link #stop} a graceful stop (SIGTERM, as App Service stops a container), {@link #restart} starts
 * it again on the same port and directory. The console of every start is appended to {@link #consoleLog}; on a
 * failed wait the exception carries its tail, and {@link LogOnFailure} prints the logs of a failed test's servers.
 */
public final class ServerProcess implements AutoCloseable {

  /** A start on a machine shared by parallel builds has taken over four minutes; -Dit.faults.startMinutes=N. */
  public static final Duration START_LIMIT = Duration.ofMinutes(Integer.getInteger("it.faults.startMinutes", 10));
  /** Every instance created in this JVM, for {@link LogOnFailure}. */
  static final List<ServerProcess> CREATED = new CopyOnWriteArrayList<>();

  private final String name;
  private final Path work;
  private final Path wlp;
  private final int port;
  private final Map<String, String> env;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int starts;

  private ServerProcess(String name, Path work, Path wlp, int port, Map<String, String> env) {
    this.name = name;
    this.work = work;
    this.wlp = wlp;
    this.port = port;
    this.env = env;
  }

  /**
   * A copy of the packaged server under {@code target/faults/<name>} (an earlier copy of that name is removed),
   * on a free port, to be started with {@code environment} (see {@link #environment}); nothing runs yet.
   */
  public static ServerProcess prepare(String name, Map<String, String> environment) throws IOException {
    Path testServer = Path.of(System.getProperty("it.server.dir",
        "target/liberty/wlp/usr/servers/mechanics")).toAbsolutePath();
    Path wlp = testServer.resolve("../../..").normalize();
    Path work = Path.of("target", "faults", name).toAbsolutePath();
    deleteTree(work);
    Path server = work.resolve("usr/servers/mechanics");
    Files.createDirectories(server.resolve("apps"));
    for (String file : new String[] {"server.xml", "jvm.options", "bootstrap.properties"}) {
      if (Files.exists(testServer.resolve(file))) {
        Files.copy(testServer.resolve(file), server.resolve(file));
      }
    }
    Files.createSymbolicLink(server.resolve("apps/mechanics.ear"), testServer.resolve("apps/mechanics.ear"));
    // the keystore and LTPA passwords the plugin generated; never the test server's JWT_SECRET
    if (Files.exists(testServer.resolve("server.env"))) {
      List<String> serverEnv = new ArrayList<>(Files.readAllLines(testServer.resolve("server.env")));
      serverEnv.removeIf(line -> line.startsWith("JWT_SECRET="));
      Files.write(server.resolve("server.env"), serverEnv);
    }
    Path jdbc = work.resolve("usr/shared/resources/jdbc");
    Files.createDirectories(jdbc);
    try (Stream<Path> jars = Files.list(wlp.resolve("usr/shared/resources/jdbc"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, jdbc.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    ServerProcess created = new ServerProcess(name, work, wlp, freePort(), new LinkedHashMap<>(environment));
    CREATED.add(created);
    return created;
  }

  /**
   * What a test server needs, on {@code database}: fresh keys (pass the same map to two instances so they read
   * each other's data and tokens), the demo chain, the shared Redis under a prefix of its own, this run's Azurite
   * with containers of its own when there is one (else a local folder), generous rate limits, a fast scheduler, and no SMTP (mail is kept as
   * files in the server's dev-mailbox). A test changes or removes entries before {@link #prepare}.
   */
  public static Map<String, String> environment(FaultsDatabase database) throws IOException {
    Properties it = FaultsDatabase.itProperties();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", database.appUrl());
    env.put("DATABASE_MIGRATION_URL", database.migrationUrl());
    for (String secret : List.of("ENCRYPTION_KEY", "JWT_SECRET", "JWT_REFRESH_SECRET", "BACKUP_ENCRYPTION_KEY")) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      env.put(secret, Base64.getEncoder().encodeToString(key));
    }
    env.put("DEMO_DATA", "true");
    env.put("REDIS_URL", "redis://127.0.0.1:6379");
    env.put("REDIS_KEY_PREFIX", "mechanics-faults-" + database.name() + ":");
    env.put("RATE_LIMIT_SIGNIN_PER_MINUTE", "6000");
    env.put("RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR", "400");
    env.put("RATE_LIMIT_API_PER_MINUTE", "100000");
    env.put("PLATFORM_ADMIN_EMAILS", "operator@platform.mechanics.dev");
    env.put("BATCH_SCHEDULER_INTERVAL_SECONDS", "2");
    env.put("BATCH_FAULT_INJECTION", "true");
    env.put("TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
    String azurite = it.getProperty("azurite.connection");
    if (azurite != null) {
      env.put("AZURE_STORAGE_CONNECTION_STRING", azurite);
      // containers of this database's own: the shared Azurite holds every other run's uploads too
      String containers = "faults-" + database.name().replaceAll("[^a-z0-9]", "").replace("mechanicsfaults", "");
      env.put("STORAGE_CONTAINER_UPLOADS", containers + "-uploads");
      env.put("STORAGE_CONTAINER_BACKUPS", containers + "-backups");
    }
    return env;
  }

  /** The environment of the next start; change it between a stop and a {@link #start}. */
  public Map<String, String> env() {
    return env;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The pid of the server's JVM (not of a launcher script). */
  public long pid() {
    return jvm().pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The copied server directory (logs/, dev-mailbox/, files/ are below it). */
  public Path serverDir() {
    return work.resolve("usr/servers/mechanics");
  }

  /** Every start's console, one after another. */
  public Path consoleLog() {
    return work.resolve("console.log");
  }

  /** Liberty's messages.log of the latest start. */
  public Path messagesLog() {
    return serverDir().resolve("logs/messages.log");
  }

  /** Starts the server and waits until {@code /health/ready} answers 200. */
  public ServerProcess start() throws IOException, InterruptedException {
    launch();
    awaitReady();
    return this;
  }

  /** Starts the server without waiting (a test that watches it come up; then {@link #awaitReady}). */
  public ServerProcess launch() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
    }
    starts++;
    Files.writeString(consoleLog(), "---- [ServerProcess] start " + starts + " of " + name + " on port " + port
        + " ----\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", "mechanics")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("DATABASE_") || key.startsWith("REDIS_")
        || key.startsWith("AZURE_") || key.startsWith("SMTP_") || key.startsWith("WLP_")
        || key.startsWith("RATE_LIMIT_") || key.startsWith("BATCH_") || key.startsWith("JWT_")
        || key.startsWith("ENCRYPTION_KEY") || key.equals("BACKUP_ENCRYPTION_KEY") || key.equals("DEMO_DATA")
        || key.equals("APP_ENVIRONMENT") || key.equals("PUBLIC_BASE_URL") || key.equals("FRONT_DOOR_ID")
        || key.equals("TRUSTED_PROXIES") || key.equals("PORT") || key.equals("HTTPS_PORT"));
    environment.putAll(env);
    environment.put("PORT", Integer.toString(port));
    environment.put("WLP_USER_DIR", work.resolve("usr").toString());
    environment.putIfAbsent("STORAGE_LOCAL_DIR", serverDir().resolve("files").toString());
    environment.putIfAbsent("DEV_MAILBOX_DIR", serverDir().resolve("dev-mailbox").toString());
    process = builder.start();
    return this;
  }

  /** Waits for {@code /health/ready} 200; fails with the console's tail when the server dies or times out. */
  public void awaitReady() throws IOException, InterruptedException {
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n"
            + tail(60));
      }
      try {
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body().replaceAll("\\s+", " ");
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " not ready within " + START_LIMIT + " (last answer: " + last + "):\n"
        + tail(60));
  }

  /** SIGKILL of the server's JVM, as a crashed or evicted instance: nothing runs after it. Waits for its end. */
  public void kill9() throws InterruptedException {
    if (!isAlive()) {
      return;
    }
    List<ProcessHandle> all = tree();
    ProcessHandle jvm = jvm();
    jvm.destroyForcibly();
    waitFor(jvm, 30);
    for (ProcessHandle other : all) {
      other.destroyForcibly();
      waitFor(other, 30);
    }
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A graceful stop (SIGTERM to the JVM: Liberty runs its shutdown); SIGKILL after {@code limit}. */
  public void stop(Duration limit) throws InterruptedException {
    if (!isAlive()) {
      return;
    }
    ProcessHandle jvm = jvm();
    jvm.destroy();
    if (!jvm.onExit().completeOnTimeout(null, limit.toMillis(), TimeUnit.MILLISECONDS).join().isAlive()) {
      process.waitFor(30, TimeUnit.SECONDS);
    }
    kill9();
  }

  public void stop() throws InterruptedException {
    stop(Duration.ofMinutes(1));
  }

  /** Stops it if it runs (gracefully), then starts it again on the same port and directory and waits ready. */
  public ServerProcess restart() throws IOException, InterruptedException {
    stop();
    return start();
  }

  /** The last {@code lines} lines of every start's console. */
  public String tail(int lines) {
    try {
      if (!Files.exists(consoleLog())) {
        return "(no console yet)";
      }
      String[] all = Files.readString(consoleLog(), StandardCharsets.UTF_8).split("\n");
      return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(console unreadable: " + e + ")";
    }
  }

  /** Everything it wrote: every start's console, then the latest messages.log. */
  public String log() throws IOException {
    String console = Files.exists(consoleLog()) ? Files.readString(consoleLog(), StandardCharsets.UTF_8) : "";
    String messages = Files.exists(messagesLog()) ? Files.readString(messagesLog(), StandardCharsets.UTF_8) : "";
    return console + "\n---- messages.log ----\n" + messages;
  }

  /** Kills what still runs and removes the expanded application (the logs stay under target/faults). */
  @Override
  public void close() throws Exception {
    kill9();
    deleteTree(serverDir().resolve("apps/expanded"));
    deleteTree(serverDir().resolve("workarea"));
    CREATED.remove(this);
  }

  private ProcessHandle jvm() {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    // bin/server may exec the JVM or run it as a child: the JVM is whichever runs Liberty's launcher
    for (ProcessHandle candidate : tree()) {
      String command = candidate.info().commandLine().orElse("");
      if (command.contains("ws-server.jar") || command.contains("ws-launch.jar")) {
        return candidate;
      }
    }
    return process.toHandle();
  }

  private List<ProcessHandle> tree() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    all.addAll(process.descendants().toList());
    return all;
  }

  private static void waitFor(ProcessHandle handle, int seconds) {
    handle.onExit().completeOnTimeout(handle, seconds, TimeUnit.SECONDS).join();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
