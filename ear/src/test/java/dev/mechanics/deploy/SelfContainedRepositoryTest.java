package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, point 1: the repository stands alone. The published schemas live in {@code arm-templates/schemas}
 * with their upstream licences and a note of their origin; no file points outside the repository to a
 * {@code shared} folder beside the clone; no file is too large to keep in git.
 */
class SelfContainedRepositoryTest {

    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** Build output, installed tools and VCS data: not part of the repository. */
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", "wlp", ".azurite", ".idea", "results");

    @Test
    void thePublishedSchemasAreInTheRepositoryWithTheirLicencesAndOrigin() {
        Path schemas = ProjectLayout.publishedSchemas();
        assertThat(schemas.resolve("arm/LICENSE")).content().contains("MIT License");
        assertThat(schemas.resolve("azure-pipelines/LICENSE")).content().contains("MIT License");
        assertThat(schemas.resolve("arm/schemas/2025-07-01/Microsoft.Cache.json")).content().contains("redisEnterprise");
        assertThat(schemas.resolve("README.md")).content()
                .contains("Azure/azure-resource-manager-schemas", "2026-08-16", "microsoft/azure-pipelines-vscode", "261.1", "refresh.sh");
        Path refresh = schemas.resolve("refresh.sh");
        assertThat(Files.isExecutable(refresh)).as("refresh.sh is executable").isTrue();
        assertThat(refresh).content().contains("azure-resource-manager-schemas", "azure-pipelines-vscode");
    }

    @Test
    void noFileReadsASharedFolderBesideTheClone() {
        List<String> offenders = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            if (file.toString().endsWith(".md")) {
                continue; // prose may tell the history
            }
            String text = textOrNull(file);
            if (text != null && (text.contains("../" + "shared") || text.contains("shared" + "/schemas"))) {
                offenders.add(ProjectLayout.root().relativize(file).toString());
            }
        }
        assertThat(offenders).as("files that point at a shared folder outside the repository").isEmpty();
    }

    @Test
    void noFileIsLargerThanFiveMebibytes() throws IOException {
        List<String> large = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            if (Files.size(file) > MAX_FILE_BYTES) {
                large.add(ProjectLayout.root().relativize(file) + " (" + Files.size(file) + " bytes)");
            }
        }
        assertThat(large).isEmpty();
    }

    static List<Path> repositoryFiles() {
        try (Stream<Path> walk = Files.walk(ProjectLayout.root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path relative = ProjectLayout.root().relativize(p);
                        for (Path part : relative) {
                            if (NOT_SOURCES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
