package dev.mechanics.it.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Azurite, the Blob Storage emulator, for this test run: the one already answering on the port (started by
 * .ci/run), else one started here from the project's node_modules (installed with {@code npm ci} when missing)
 * and stopped again by {@code drop}. When neither works the reason is recorded, and every test that needs Blob
 * Storage fails with it instead of being skipped.
 */
final class Azurite {

  static final String ACCOUNT = "devstoreaccount1";
  /** The emulator's well-known development key (public, documented by Microsoft). */
  static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private Azurite() {
  }

  static int port() {
    return Integer.getInteger("it.azurite.port", 10000);
  }

  static String connectionString(int port) {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
        + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
  }

  /** Makes sure Azurite answers; records the connection string (or why there is none) in {@code props}. */
  static void ensureRunning(Path repoRoot, Path logDir, Properties props) {
    int port = port();
    if (answers(port)) {
      System.out.println("[Azurite] using the one already listening on 127.0.0.1:" + port);
      props.setProperty("azurite.connection", connectionString(port));
      return;
    }
    try {
      Path launcher = Npm.tool(repoRoot, "azurite-blob", logDir.resolve("npm-ci.log"));
      ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--silent", "--disableTelemetry",
          "--skipApiVersionCheck", "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--blobPort",
          Integer.toString(port))
          .directory(repoRoot.toFile()).redirectErrorStream(true)
          .redirectOutput(logDir.resolve("azurite.log").toFile());
      Process process = builder.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!answers(port)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroy();
          throw new IOException("Azurite did not start on port " + port + " (see " + logDir.resolve("azurite.log")
              + ")");
        }
        Thread.sleep(200);
      }
      props.setProperty("azurite.pid", Long.toString(process.pid()));
      props.setProperty("azurite.connection", connectionString(port));
      System.out.println("[Azurite] started on 127.0.0.1:" + port + " (pid " + process.pid() + ")");
    } catch (IOException | RuntimeException e) {
      String reason = "Azurite is not running on 127.0.0.1:" + port + " and could not be started (" + e.getMessage()
          + "). Install Node.js 20+ and npm, or start it: npx azurite-blob --blobPort " + port
          + " --disableTelemetry --skipApiVersionCheck --inMemoryPersistence";
      System.out.println("[Azurite] " + reason);
      props.setProperty("azurite.error", reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      props.setProperty("azurite.error", "interrupted while starting Azurite");
    }
  }

  static void stop(Properties props) {
    String pid = props.getProperty("azurite.pid");
    if (pid == null) {
      return;
    }
    ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      System.out.println("[Azurite] stopped pid " + pid);
    });
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static Path repoRoot() {
    return new File(System.getProperty("it.repo.root", "..")).toPath().toAbsolutePath().normalize();
  }
}
