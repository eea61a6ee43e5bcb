import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before anything is built, that this machine has what the README's command needs, and stops with one
 * line per missing piece naming how to install it. Run by the root pom in the validate phase as a Java
 * single-file program (no build of its own); the JDK and Maven versions are the enforcer plugin's part.
 *
 * <pre>
 * java build-tools/Prerequisites.java test [--skip=true] [--it-port=9080] [--redis=127.0.0.1:6379]
 * java build-tools/Prerequisites.java run
 * </pre>
 *
 * test: Node.js 20+ with npm (Azurite, the Blob Storage emulator), Debian's chromium and chromium-driver of the
 * same major version (browser tests), Redis answering (rate limits, health), the test server's port free.
 * PostgreSQL is not required: the tests fall back to Testcontainers or an embedded PostgreSQL.
 * run: the HTTP port (PORT) and, without DATABASE_URL, the embedded PostgreSQL's port (EMBEDDED_PG_PORT) free.
 */
public final class Prerequisites {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private final List<String> missing = new ArrayList<>();
  private final List<String> found = new ArrayList<>();

  public static void main(String[] args) {
    String mode = args.length == 0 ? "test" : args[0];
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    Prerequisites check = new Prerequisites();
    if (mode.equals("run")) {
      check.runCommand();
    } else if (!Boolean.parseBoolean(options.getOrDefault("skip", "false"))) {
      check.testCommand(options);
    } else {
      return;
    }
    if (!check.missing.isEmpty()) {
      check.missing.forEach(line -> System.out.println("[prerequisites] MISSING: " + line));
      System.exit(1);
    }
    System.out.println("[prerequisites] " + mode + " command: " + String.join(", ", check.found));
  }

  private void testCommand(Map<String, String> options) {
    String node = version("node", "--version");
    if (node == null || major(node) < 20) {
      missing.add("Node.js 20+ (" + (node == null ? "not found" : "found " + node) + "); the tests start Azurite "
          + "with it. Install Node.js 20 or newer with npm: https://nodejs.org/en/download (Debian 12's own "
          + "nodejs is 18), e.g. from NodeSource's apt repository");
    } else {
      found.add("Node.js " + node);
    }
    String npm = version("npm", "--version");
    if (npm == null) {
      missing.add("npm (not found); the build installs Azurite with it. Install npm with Node.js 20+: "
          + "https://nodejs.org/en/download");
    } else {
      found.add("npm " + npm);
    }
    String chromium = version("chromium", "--version");
    String driver = version("chromedriver", "--version");
    if (chromium == null || driver == null) {
      missing.add("Debian's Chromium and ChromeDriver (" + (chromium == null ? "chromium" : "chromedriver")
          + " not found); the browser tests drive them. Install: apt-get install -y chromium chromium-driver");
    } else if (major(chromium) != major(driver)) {
      missing.add("Chromium " + chromium + " and ChromeDriver " + driver + " differ in major version. Install "
          + "both from the same source: apt-get install -y chromium chromium-driver");
    } else {
      found.add("Chromium " + chromium + " with its driver");
    }
    String[] redis = options.getOrDefault("redis", "127.0.0.1:6379").split(":");
    if (!redisAnswers(redis[0], Integer.parseInt(redis[1]))) {
      missing.add("Redis answering on " + redis[0] + ":" + redis[1] + "; the rate-limit and health tests use it. "
          + "Install and start it: apt-get install -y redis-server && redis-server --daemonize yes "
          + "(.ci/run starts it)");
    } else {
      found.add("Redis on " + redis[0] + ":" + redis[1]);
    }
    freePort(options.getOrDefault("it-port", "9080"), "the test server",
        "Stop it, or run the tests on another port: mvn -B -ntp verify -Dit.port=9181");
  }

  private void runCommand() {
    freePort(System.getenv().getOrDefault("PORT", "9080"), "the server",
        "An earlier run? Stop it, or choose another: PORT=9090 mvn -B -ntp -Prun verify");
    String databaseUrl = System.getenv("DATABASE_URL");
    if (databaseUrl == null || databaseUrl.isBlank()) {
      freePort(System.getenv().getOrDefault("EMBEDDED_PG_PORT", "54329"), "the embedded PostgreSQL",
          "An earlier run that did not stop? Stop it, or choose another: EMBEDDED_PG_PORT=54330");
    }
  }

  private void freePort(String port, String user, String hint) {
    if (portTaken(Integer.parseInt(port))) {
      missing.add("a free port " + port + " for " + user + "; something already listens there. " + hint);
    } else {
      found.add("port " + port + " free for " + user);
    }
  }

  /** The first version number a command prints, or null when it is not on the PATH or fails. */
  private static String version(String command, String flag) {
    Path executable = onPath(command);
    if (executable == null) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(executable.toString(), flag).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      Matcher m = Pattern.compile("\\d+(\\.\\d+)+").matcher(out);
      return m.find() ? m.group() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static int major(String version) {
    Matcher m = VERSION.matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static boolean redisAnswers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int read = in.readNBytes(reply, 0, 7);
      return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a server already listens on the port (on any address, as Liberty binds it). */
  private static boolean portTaken(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
