package dev.mechanics.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile (line continuations joined, comments dropped), with the COPY sources the
 * build context must provide. Enough for the checks here; not a general Dockerfile parser (no JSON-form COPY,
 * no heredocs, which this project's Dockerfile does not use).
 */
final class Dockerfile {

    /** One instruction: keyword in upper case and its arguments as written. */
    record Instruction(String keyword, String arguments) {
    }

    /** A COPY: its flags (--chown=...), sources relative to the build context, destination. */
    record Copy(List<String> flags, List<String> sources, String destination) {
    }

    /**
     * What {@code mvn package} produces and the image takes from {@code target/}. Each entry is declared by the
     * ear module's pom: the EAR (finalName), the JDBC libraries (liberty-maven-plugin copyDependencies) and the
     * Application Insights agent (a maven-dependency-plugin copy into target/agent). {@code ContainerFilesTest}
     * checks the pom declares them, {@code ContainerImageIT} that they exist after packaging.
     */
    static final List<String> BUILD_OUTPUTS = List.of(
            "ear/target/liberty/wlp/usr/shared/resources/jdbc/",
            "ear/target/agent/applicationinsights-agent.jar",
            "ear/target/mechanics.ear");

    private final String text;
    private final List<Instruction> instructions;

    private Dockerfile(String text, List<Instruction> instructions) {
        this.text = text;
        this.instructions = instructions;
    }

    static Dockerfile load(Path file) {
        try {
            String text = Files.readString(file);
            return new Dockerfile(text, parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return text;
    }

    List<Instruction> instructions() {
        return instructions;
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int indexOf(Instruction instruction) {
        return instructions.indexOf(instruction);
    }

    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (Instruction i : all("COPY")) {
            List<String> flags = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (String token : i.arguments().trim().split("\\s+")) {
                (token.startsWith("--") ? flags : paths).add(token);
            }
            copies.add(new Copy(flags, paths.subList(0, paths.size() - 1), paths.get(paths.size() - 1)));
        }
        return copies;
    }

    /** Every COPY source from the build context (COPY --from=another-stage excluded). */
    List<String> contextSources() {
        return copies().stream()
                .filter(c -> c.flags().stream().noneMatch(f -> f.startsWith("--from=")))
                .flatMap(c -> c.sources().stream())
                .toList();
    }

    private static List<Instruction> parse(String text) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction are ignored by Docker too
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String full = current.toString().strip();
            current.setLength(0);
            int space = full.indexOf(' ');
            String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase(Locale.ROOT);
            result.add(new Instruction(keyword, space < 0 ? "" : full.substring(space + 1).strip()));
        }
        return result;
    }
}
