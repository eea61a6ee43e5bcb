package dev.mechanics.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's pinned Node tools (package.json, package-lock.json): installed with {@code npm ci} when missing. */
public final class Npm {

  private Npm() {
  }

  /** The launcher of {@code node_modules/.bin/<name>}, after {@code npm ci} in {@code repoRoot} when it is absent. */
  public static Path tool(Path repoRoot, String name, Path log) throws IOException {
    Path launcher = repoRoot.resolve("node_modules/.bin/" + name);
    if (!Files.isExecutable(launcher)) {
      System.out.println("[npm] installing the project's Node tools with npm ci in " + repoRoot);
      Files.createDirectories(log.getParent());
      run(repoRoot, log, List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
    if (!Files.isExecutable(launcher)) {
      throw new IOException("npm ci did not install " + launcher + " (see " + log + ")");
    }
    return launcher;
  }

  /** Runs a command in {@code dir}, its output in {@code log}; fails when it exits non-zero. */
  static void run(Path dir, Path log, List<String> command) throws IOException {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed (see " + log + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
