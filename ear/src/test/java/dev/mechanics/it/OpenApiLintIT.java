package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mechanics.it.support.Npm;
import dev.mechanics.it.support.ServedOpenApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lints the OpenAPI document as the started server serves it with Spectral (npm {@code @stoplight/spectral-cli},
 * pinned in package.json) and the repository's {@code .spectral.yaml}: every rule of {@code spectral:oas}. Any
 * finding, of any severity, fails the build; the message lists each with its place in the document.
 */
class OpenApiLintIT {

  private static final Path REPO = Path.of(System.getProperty("it.repo.root", "..")).toAbsolutePath().normalize();
  private static final Path OUT = Path.of("target", "openapi").toAbsolutePath();

  @Test
  void theDocumentLintsCleanWithSpectral() throws Exception {
    Files.createDirectories(OUT);
    Path document = OUT.resolve("openapi-linted.json");
    Files.writeString(document, ServedOpenApi.fetch());
    Path spectral = Npm.tool(REPO, "spectral", OUT.resolve("npm-ci.log"));
    Path report = OUT.resolve("spectral.json");
    Files.deleteIfExists(report);
    Process lint = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", REPO.resolve(".spectral.yaml").toString(),
        "--format", "json", "--output", report.toString(), "--fail-severity", "hint", "--quiet", document.toString())
        .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(OUT.resolve("spectral.log").toFile())
        .start();
    assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("spectral finished").isTrue();
    assertThat(report).as("spectral's report (its output: %s)", Files.readString(OUT.resolve("spectral.log")))
        .exists();
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(report.toFile())) {
      findings.add(severity(finding.path("severity").asInt()) + " " + finding.path("code").asText() + " at "
          + pathOf(finding.path("path")) + ": " + finding.path("message").asText());
    }
    assertThat(findings).as("Spectral findings in %s (%s; rules: .spectral.yaml)", document,
        "docs/recipes.md, \"Document a route\"").isEmpty();
    assertThat(lint.exitValue()).as("spectral's exit code (its output in %s)", OUT.resolve("spectral.log"))
        .isZero();
  }

  private static String severity(int level) {
    return switch (level) {
      case 0 -> "error";
      case 1 -> "warning";
      case 2 -> "info";
      default -> "hint";
    };
  }

  private static String pathOf(JsonNode path) {
    List<String> parts = new ArrayList<>();
    path.forEach(p -> parts.add(p.asText()));
    return String.join(" > ", parts);
  }
}
