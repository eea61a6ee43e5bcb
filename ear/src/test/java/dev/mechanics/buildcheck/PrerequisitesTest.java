package dev.mechanics.buildcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build-tools/Prerequisites.java, as the root pom runs it before the build, on a PATH of stand-in tools: one
 * line per missing piece, saying how to install it, and a non-zero exit; a quiet pass when everything is there.
 */
class PrerequisitesTest {

  private static final Path SCRIPT = Path.of("..", "build-tools", "Prerequisites.java").toAbsolutePath().normalize();

  @Test
  void eachMissingPieceIsOneLineThatSaysHowToInstallIt(@TempDir Path bin) throws Exception {
    tools(bin, "v18.19.0", "10.2.4", "150.0.7871.100");

    Result result = check(bin, "test", "--redis=127.0.0.1:" + closedPort(), "--it-port=" + closedPort());

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.lines).filteredOn(line -> line.startsWith("[prerequisites] MISSING: ")).hasSize(3);
    assertThat(result.output)
        .contains("Node.js 20+ (found 18.19.0)").contains("https://nodejs.org/en/download")
        .contains("Chromium 156.0.8078.108 and ChromeDriver 150.0.7871.100 differ in major version")
        .contains("apt-get install -y chromium chromium-driver")
        .contains("Redis answering on 127.0.0.1:").contains("apt-get install -y redis-server")
        .doesNotContain("npm (not found)", "Exception", "\tat ");
  }

  @Test
  void absentToolsAreNamed(@TempDir Path bin) throws Exception {
    Result result = check(bin, "test", "--redis=127.0.0.1:" + closedPort(), "--it-port=" + closedPort());

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.output).contains("Node.js 20+ (not found)").contains("npm (not found)")
        .contains("(chromium not found)");
  }

  @Test
  void aMachineWithEverythingPasses(@TempDir Path bin) throws Exception {
    tools(bin, "v20.20.2", "11.19.1", "156.0.8078.108");
    try (ServerSocket redis = new ServerSocket(0)) {
      Thread answer = new Thread(() -> {
        try (Socket client = redis.accept()) {
          client.getInputStream().read(new byte[64]);
          client.getOutputStream().write("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // the check gave up
        }
      });
      answer.start();

      Result result = check(bin, "test", "--redis=127.0.0.1:" + redis.getLocalPort(), "--it-port=" + closedPort());

      assertThat(result.exit).as(result.output).isZero();
      assertThat(result.output).startsWith("[prerequisites] test command: Node.js 20.20.2, npm 11.19.1, Chromium "
          + "156.0.8078.108 with its driver, Redis on 127.0.0.1:");
    }
  }

  @Test
  void skippedTestsNeedNothing(@TempDir Path bin) throws Exception {
    Result result = check(bin, "test", "--skip=true");

    assertThat(result.exit).isZero();
    assertThat(result.output).isEmpty();
  }

  @Test
  void theRunCommandNeedsOnlyItsPorts(@TempDir Path bin) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result result = check(bin, Map.of("PORT", Integer.toString(taken.getLocalPort()),
          "EMBEDDED_PG_PORT", Integer.toString(closedPort())), "run");

      assertThat(result.exit).isEqualTo(1);
      assertThat(result.lines).containsExactly("[prerequisites] MISSING: a free port " + taken.getLocalPort()
          + " for the server; something already listens there. An earlier run? Stop it, or choose another: "
          + "PORT=9090 mvn -B -ntp -Prun verify");
    }
  }

  private record Result(int exit, String output, List<String> lines) {
  }

  private static Result check(Path bin, String... args) throws Exception {
    return check(bin, Map.of(), args);
  }

  private static Result check(Path bin, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin.toString());
    builder.environment().putAll(env);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output, output.lines().toList());
  }

  /** Node.js, npm, Chromium 156 and a ChromeDriver, in the given versions. */
  private static void tools(Path bin, String node, String npm, String chromedriver) throws IOException {
    tool(bin, "node", node);
    tool(bin, "npm", npm);
    tool(bin, "chromium", "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)");
    tool(bin, "chromedriver", "ChromeDriver " + chromedriver + " (abc)");
  }

  /** A stand-in for a tool on the PATH that prints its version. */
  private static void tool(Path bin, String name, String version) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(script, "#!/bin/sh\necho '" + version + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A port nothing listens on (just released). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
