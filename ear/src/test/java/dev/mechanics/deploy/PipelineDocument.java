package dev.mechanics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * azure-pipelines.yml read the way Azure Pipelines reads it: scalars are strings ({@code true}, {@code 5432:5432}
 * and {@code "1.17"} alike) except plain numbers (see {@link #parseAllStrings}), maps and lists as they are. Navigation helpers find stages, jobs (including the
 * steps of a deployment job's lifecycle hooks) and task steps.
 */
final class PipelineDocument {

    private final JsonNode root;

    private PipelineDocument(JsonNode root) {
        this.root = root;
    }

    static PipelineDocument load(Path file) {
        try {
            return new PipelineDocument(ArmTemplate.JSON.valueToTree(parseAllStrings(Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Parses YAML the way the published schema judges it: plain scalars are strings, except plain numbers, which
     * YAML (and the schema's editors) read as numbers. So {@code fetchDepth: 1} is a number where the schema wants a
     * string ({@code "1"}), while {@code true}, {@code 5432:5432} and {@code "1.17"} stay strings as Azure Pipelines
     * reads them.
     */
    static Object parseAllStrings(String yaml) {
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
                addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?[0-9]*\\.[0-9]+$"), "-+.0123456789");
            }
        };
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml parser = new Yaml(new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions, loaderOptions, stringsOnly);
        return parser.load(yaml);
    }

    JsonNode root() {
        return root;
    }

    List<JsonNode> stages() {
        List<JsonNode> stages = new ArrayList<>();
        root.path("stages").forEach(stages::add);
        return stages;
    }

    JsonNode stage(String name) {
        for (JsonNode stage : root.path("stages")) {
            if (name.equals(stage.path("stage").asText())) {
                return stage;
            }
        }
        throw new AssertionError("No stage '" + name + "' in azure-pipelines.yml");
    }

    static List<JsonNode> jobs(JsonNode stage) {
        List<JsonNode> jobs = new ArrayList<>();
        stage.path("jobs").forEach(jobs::add);
        return jobs;
    }

    /** Steps of a job: {@code steps}, or for a deployment job every hook of its strategy, in order. */
    static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        for (JsonNode strategy : job.path("strategy")) {
            for (String hook : List.of("preDeploy", "deploy", "routeTraffic", "postRouteTraffic")) {
                strategy.path(hook).path("steps").forEach(steps::add);
            }
            for (JsonNode outcome : strategy.path("on")) {
                outcome.path("steps").forEach(steps::add);
            }
        }
        return steps;
    }

    static List<JsonNode> stepsOfStage(JsonNode stage) {
        List<JsonNode> steps = new ArrayList<>();
        jobs(stage).forEach(job -> steps.addAll(steps(job)));
        return steps;
    }

    static List<JsonNode> tasks(List<JsonNode> steps, String task) {
        return steps.stream().filter(s -> task.equals(s.path("task").asText())).toList();
    }

    static int indexOf(List<JsonNode> steps, JsonNode step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == step) {
                return i;
            }
        }
        return -1;
    }

    /** The command text of a step: inline script of script/bash steps or of AzureCLI@2. */
    static String script(JsonNode step) {
        for (String key : List.of("script", "bash", "pwsh", "powershell")) {
            if (step.has(key)) {
                return step.path(key).asText();
            }
        }
        return step.path("inputs").path("inlineScript").asText("");
    }
}
