package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After `mvn package` (Failsafe runs *IT after it): every file the Dockerfile copies exists, and the server the
 * build packaged, which the integration tests start, runs on the same configuration files the image gets.
 * Together with ContainerFilesTest this is what can be known about the image without a Docker engine.
 */
class ContainerImageIT {

    private final Dockerfile dockerfile = Dockerfile.load(ProjectLayout.file("Dockerfile"));

    @Test
    void everyCopySourceExistsAfterPackaging() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String source : dockerfile.contextSources()) {
            Path path = ProjectLayout.file(source);
            if (source.endsWith("/")) {
                if (!Files.isDirectory(path) || isEmpty(path)) {
                    missing.add(source + " (directory missing or empty)");
                }
            } else if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                missing.add(source);
            }
        }
        assertThat(missing).as("COPY sources missing after mvn package").isEmpty();
        assertThat(ProjectLayout.file("ear/target/liberty/wlp/usr/shared/resources/jdbc"))
                .isDirectoryContaining("glob:**/postgresql.jar")
                .isDirectoryContaining("glob:**/datasource-module.jar");
        assertThat(ProjectLayout.file("ear/target/agent/applicationinsights-agent.jar")).isNotEmptyFile();
    }

    @Test
    void packagedServerUsesTheConfigurationTheImageCopies() throws IOException {
        Path server = Paths.get(System.getProperty("it.server.dir",
                ProjectLayout.file("ear/target/liberty/wlp/usr/servers/mechanics").toString()));
        for (String file : List.of("server.xml", "jvm.options", "bootstrap.properties")) {
            assertThat(dockerfile.contextSources()).contains("liberty-config/" + file);
            assertThat(Files.mismatch(ProjectLayout.file("liberty-config/" + file), server.resolve(file)))
                    .as("%s in the packaged server differs from liberty-config/%s", file, file).isEqualTo(-1L);
        }
        Path deployed = server.resolve("apps/mechanics.ear");
        assertThat(deployed).isRegularFile();
        assertThat(Files.size(deployed)).isEqualTo(Files.size(ProjectLayout.file("ear/target/mechanics.ear")));
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
