package dev.mechanics.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the deployment files and the published schemas are, wherever the tests run from.
 *
 * <p>Surefire and Failsafe run with the {@code ear/} module as working directory, an IDE often with the
 * repository root: the repository root is the first directory upwards that holds {@code arm-templates/}
 * and a {@code pom.xml}. The published schemas (ARM deployment templates, Azure Pipelines) are not part of
 * the repository; they sit beside the clone as {@code ../shared/schemas} (here and in CI), or wherever the
 * system property {@code mechanics.shared.schemas} or the environment variable
 * {@code MECHANICS_SHARED_SCHEMAS} points. A missing schemas directory is a failure, not a skip: a check
 * that silently does not run is worse than none.
 */
final class ProjectLayout {

    private static final Path ROOT = findRepositoryRoot();

    private ProjectLayout() {
    }

    static Path root() {
        return ROOT;
    }

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    static Path armTemplate() {
        return file("arm-templates/azuredeploy.json");
    }

    static Path armParameters(String environment) {
        return file("arm-templates/azuredeploy.parameters." + environment + ".json");
    }

    static Path pipeline() {
        return file("azure-pipelines.yml");
    }

    /** The shared schemas directory; throws an {@link AssertionError} naming the places looked at when absent. */
    static Path sharedSchemas() {
        String configured = System.getProperty("mechanics.shared.schemas", System.getenv("MECHANICS_SHARED_SCHEMAS"));
        Path candidate = configured != null && !configured.isBlank()
                ? Paths.get(configured).toAbsolutePath().normalize()
                : ROOT.resolve("../shared/schemas").normalize();
        if (!Files.isDirectory(candidate.resolve("arm/schemas/2019-04-01"))
                || !Files.isRegularFile(candidate.resolve("azure-pipelines/service-schema.json"))) {
            throw new AssertionError("The published schemas are missing: expected " + candidate
                    + " with arm/schemas/2019-04-01/deploymentTemplate.json and azure-pipelines/service-schema.json."
                    + " Put the shared folder beside the clone (../shared/schemas) or set -Dmechanics.shared.schemas"
                    + " (or MECHANICS_SHARED_SCHEMAS) to its location. Schema validation is required, never skipped.");
        }
        return candidate;
    }

    private static Path findRepositoryRoot() {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("arm-templates")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("No repository root (a directory with arm-templates/ and pom.xml) above " + start);
    }
}
