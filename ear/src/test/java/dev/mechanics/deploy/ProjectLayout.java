package dev.mechanics.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the deployment files and the published schemas are, wherever the tests run from.
 *
 * <p>Surefire and Failsafe run with the {@code ear/} module as working directory, an IDE often with the
 * repository root: the repository root is the first directory upwards that holds {@code arm-templates/}
 * and a {@code pom.xml}. The published schemas (ARM deployment templates, Azure Pipelines) are a copy inside
 * the repository, {@code arm-templates/schemas/} (see its README for where and when they came from): the tests
 * read nothing outside the repository. A missing schemas directory is a failure, not a skip: a check that
 * silently does not run is worse than none.
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

    /** The published schemas kept in the repository; throws an {@link AssertionError} when they are incomplete. */
    static Path publishedSchemas() {
        Path schemas = file("arm-templates/schemas");
        if (!Files.isRegularFile(schemas.resolve("arm/schemas/2019-04-01/deploymentTemplate.json"))
                || !Files.isRegularFile(schemas.resolve("azure-pipelines/service-schema.json"))) {
            throw new AssertionError("The published schemas are missing from " + schemas
                    + ": expected arm/schemas/2019-04-01/deploymentTemplate.json and azure-pipelines/service-schema.json"
                    + " (arm-templates/schemas/README.md says how to refresh them). Schema validation is required, never skipped.");
        }
        return schemas;
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
