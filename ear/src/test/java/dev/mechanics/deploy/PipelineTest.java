package dev.mechanics.deploy;

import static dev.mechanics.deploy.PipelineDocument.indexOf;
import static dev.mechanics.deploy.PipelineDocument.script;
import static dev.mechanics.deploy.PipelineDocument.steps;
import static dev.mechanics.deploy.PipelineDocument.stepsOfStage;
import static dev.mechanics.deploy.PipelineDocument.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** azure-pipelines.yml: the stages, service containers and tasks of issue 5, and the published schema. */
class PipelineTest {

    private final PipelineDocument pipeline = PipelineDocument.load(ProjectLayout.pipeline());

    @Test
    void stagesRunBuildThenStagingThenProduction() {
        List<String> names = pipeline.stages().stream().map(s -> s.path("stage").asText()).toList();
        assertThat(names).containsExactly("Build", "DeployStaging", "Production");
        assertThat(pipeline.stage("DeployStaging").path("dependsOn").asText()).isEqualTo("Build");
        assertThat(pipeline.stage("Production").path("dependsOn").asText()).isEqualTo("DeployStaging");
        assertThat(pipeline.stage("DeployStaging").path("condition").asText())
                .as("pull requests build and test but never deploy").contains("ne(variables['Build.Reason'], 'PullRequest')");
        assertThat(pipeline.root().path("trigger").toString()).contains("main");
    }

    @Test
    void buildJobRunsWithPostgresAndRedisServiceContainers() {
        JsonNode containers = pipeline.root().path("resources").path("containers");
        String postgresImage = null;
        String redisImage = null;
        for (JsonNode c : containers) {
            String name = c.path("container").asText();
            if (name.equals("postgres")) {
                postgresImage = c.path("image").asText();
                assertThat(c.path("options").asText()).contains("--health-cmd").contains("pg_isready");
                assertThat(c.path("ports").toString()).contains("5432:5432");
            } else if (name.equals("redis")) {
                redisImage = c.path("image").asText();
                assertThat(c.path("options").asText()).contains("--health-cmd").contains("redis-cli ping");
                assertThat(c.path("ports").toString()).contains("6379:6379");
            }
        }
        assertThat(postgresImage).startsWith("postgres:");
        assertThat(redisImage).startsWith("redis:");

        JsonNode job = buildJob();
        assertThat(job.path("services").path("postgres").asText()).isEqualTo("postgres");
        assertThat(job.path("services").path("redis").asText()).isEqualTo("redis");
        assertThat(job.path("variables").path("DATABASE_URL").asText()).startsWith("postgresql://").contains("@localhost:5432/");
        assertThat(job.path("variables").path("REDIS_URL").asText()).startsWith("redis://localhost:6379");
    }

    @Test
    void buildRunsTheFullSuitePublishesResultsAndCoverageAndScansDependencies() {
        List<JsonNode> steps = steps(buildJob());
        List<JsonNode> maven = tasks(steps, "Maven@4");
        assertThat(maven).as("Maven@4 steps").isNotEmpty();
        JsonNode fullBuild = maven.get(0);
        assertThat(fullBuild.path("inputs").path("goals").asText()).isEqualTo("verify");
        assertThat(fullBuild.path("inputs").path("options").asText()).doesNotContain("skipTests").doesNotContain("skipITs").doesNotContain("-Dtest=");

        JsonNode results = tasks(steps, "PublishTestResults@2").get(0);
        assertThat(results.path("condition").asText()).isEqualTo("succeededOrFailed()");
        assertThat(results.path("inputs").path("testResultsFiles").asText()).contains("surefire-reports/TEST-*.xml").contains("failsafe-reports/TEST-*.xml");
        assertThat(indexOf(steps, results)).isGreaterThan(indexOf(steps, fullBuild));

        JsonNode coverage = tasks(steps, "PublishCodeCoverageResults@2").get(0);
        assertThat(coverage.path("inputs").path("summaryFileLocation").asText()).contains("jacoco").endsWith("jacoco.xml");

        JsonNode scan = maven.stream().filter(m -> m.path("inputs").path("goals").asText().contains("org.owasp:dependency-check-maven")).findFirst()
                .orElseThrow(() -> new AssertionError("no OWASP dependency-check step"));
        assertThat(scan.path("inputs").path("options").asText()).contains("-DfailBuildOnCVSS=")
                .contains("-DnvdApiKeyEnvironmentVariable=NVD_API_KEY").doesNotContain("$(NVD_API_KEY)");
        assertThat(scan.path("env").path("NVD_API_KEY").asText()).as("the key reaches Maven through the environment").isEqualTo("$(NVD_API_KEY)");

        JsonNode push = tasks(steps, "Docker@2").stream().filter(d -> d.path("inputs").path("command").asText().equals("buildAndPush")).findFirst()
                .orElseThrow(() -> new AssertionError("no Docker@2 buildAndPush"));
        assertThat(push.path("inputs").path("containerRegistry").asText()).isNotBlank();
        assertThat(push.path("inputs").path("tags").asText()).contains("$(Build.SourceVersion)");
        assertThat(push.path("inputs").path("Dockerfile").asText()).isEqualTo("Dockerfile");
        assertThat(indexOf(steps, push)).as("the image is pushed only after the tests").isGreaterThan(indexOf(steps, fullBuild));
        assertThat(push.path("condition").asText()).contains("ne(variables['Build.Reason'], 'PullRequest')");
    }

    @Test
    void stagingStageRunsWhatIfThenDeploysTheTemplateThenTheSlotThenChecksIt() {
        JsonNode stage = pipeline.stage("DeployStaging");
        assertThat(PipelineDocument.jobs(stage).get(0).has("deployment")).isTrue();
        List<JsonNode> steps = stepsOfStage(stage);

        JsonNode whatIf = tasks(steps, "AzureCLI@2").stream().filter(s -> script(s).contains("az deployment group what-if")).findFirst()
                .orElseThrow(() -> new AssertionError("no what-if step"));
        assertThat(script(whatIf)).contains("arm-templates/azuredeploy.json").contains("azuredeploy.parameters.");
        JsonNode arm = tasks(steps, "AzureResourceManagerTemplateDeployment@3").get(0);
        assertThat(arm.path("inputs").path("csmFile").asText()).endsWith("arm-templates/azuredeploy.json");
        assertThat(arm.path("inputs").path("csmParametersFile").asText()).contains("arm-templates/azuredeploy.parameters.");
        assertThat(arm.path("inputs").path("deploymentMode").asText()).isEqualTo("Incremental");
        assertThat(arm.path("inputs").path("overrideParameters").asText()).contains("-appImageTag").contains("-stagingImageTag \"$(imageTag)\"");

        JsonNode container = tasks(steps, "AzureWebAppContainer@1").get(0);
        assertThat(container.path("inputs").path("slotName").asText()).isEqualTo("staging");
        assertThat(container.path("inputs").path("deployToSlotOrASE").asText()).isEqualTo("true");
        assertThat(container.path("inputs").path("containers").asText()).endsWith(":$(imageTag)");

        int health = indexOfScript(steps, "wait-for-health.sh", "/health/ready");
        int smoke = indexOfScript(steps, "smoke-test.sh", "stagingSlotHostName");
        assertThat(indexOf(steps, whatIf)).isLessThan(indexOf(steps, arm));
        assertThat(indexOf(steps, arm)).isLessThan(indexOf(steps, container));
        assertThat(indexOf(steps, container)).isLessThan(health);
        assertThat(health).isLessThan(smoke);
    }

    @Test
    void productionSwapsBehindAnEnvironmentVerifiesAndSwapsBackOnFailure() {
        JsonNode stage = pipeline.stage("Production");
        JsonNode job = PipelineDocument.jobs(stage).get(0);
        assertThat(job.has("deployment")).as("a deployment job, so the environment's approval applies").isTrue();
        assertThat(job.path("environment").asText()).isNotBlank();
        assertThat(job.path("environment").asText()).isNotEqualTo(PipelineDocument.jobs(pipeline.stage("DeployStaging")).get(0).path("environment").asText());

        List<JsonNode> steps = steps(job);
        List<JsonNode> swaps = tasks(steps, "AzureAppServiceManage@0");
        assertThat(swaps).hasSize(2);
        for (JsonNode swap : swaps) {
            assertThat(swap.path("inputs").path("Action").asText()).isEqualTo("Swap Slots");
            assertThat(swap.path("inputs").path("SourceSlot").asText()).isEqualTo("staging");
            assertThat(swap.path("inputs").path("SwapWithProduction").asText()).isEqualTo("true");
        }
        JsonNode swap = swaps.get(0);
        JsonNode swapBack = swaps.get(1);
        assertThat(swap.has("condition")).as("the swap runs when the stage runs").isFalse();
        assertThat(swapBack.path("condition").asText()).contains("failed()").contains("swapped");
        int verify = indexOfScript(steps, "wait-for-health.sh", "/health/ready");
        assertThat(indexOf(steps, swap)).isLessThan(verify);
        assertThat(verify).isLessThan(indexOf(steps, swapBack));
        // The flag that lets the swap back run is set right after the swap, and only there.
        int flag = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (script(steps.get(i)).contains("variable=swapped]true")) {
                flag = i;
            }
        }
        assertThat(flag).isEqualTo(indexOf(steps, swap) + 1);
    }

    @Test
    void noSecretsAndNoApplicationSecretParametersPassThroughThePipeline() {
        String text = read(ProjectLayout.pipeline());
        ArmTemplate template = ArmTemplate.load(ProjectLayout.armTemplate());
        template.parameters().properties().forEach(p -> {
            if (p.getValue().path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                assertThat(text).as("secure parameter %s must not be passed by the pipeline", p.getKey()).doesNotContain(p.getKey());
            }
        });
        // Only the throw-away service-container credentials may appear as literals.
        Matcher m = Pattern.compile("(?i)(password|secret|apikey|api_key|token)\\s*[:=]\\s*([^\\s$'\"][^\\s]*)").matcher(text);
        List<String> literals = new ArrayList<>();
        while (m.find()) {
            if (!m.group(2).equals("mechanics")) {
                literals.add(m.group());
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void scriptsThePipelineCallsExistAndAreExecutable() {
        Matcher m = Pattern.compile("scripts/deploy/([\\w.-]+\\.sh)").matcher(read(ProjectLayout.pipeline()));
        int found = 0;
        while (m.find()) {
            Path script = ProjectLayout.file("scripts/deploy/" + m.group(1));
            assertThat(script).as(m.group()).isRegularFile();
            assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(5);
    }

    @Test
    void pipelineMatchesThePublishedSchemaAndUsesNoDeprecatedTask() {
        PublishedSchemas schemas = new PublishedSchemas(ProjectLayout.publishedSchemas());
        assertThat(PublishedSchemas.messages(schemas.pipelineSchema(), pipeline.root())).isEmpty();

        List<String> used = new ArrayList<>();
        pipeline.stages().forEach(stage -> stepsOfStage(stage).forEach(step -> {
            if (step.has("task")) {
                used.add(step.path("task").asText());
            }
        }));
        assertThat(used).isNotEmpty();
        assertThat(schemas.knownTasks()).containsAll(used);
        assertThat(used).doesNotContainAnyElementsOf(schemas.deprecatedTasks());
    }

    /** Issue 11, point 5: a number where the schema wants a string (fetchDepth: 1) is caught. */
    @Test
    void theSchemaCheckRejectsANumberWhereTheSchemaWantsAString() {
        PublishedSchemas schemas = new PublishedSchemas(ProjectLayout.publishedSchemas());
        JsonNode checkout = steps(buildJob()).get(0);
        assertThat(checkout.path("checkout").asText()).isEqualTo("self");
        assertThat(checkout.path("fetchDepth").isTextual()).as("fetchDepth is written as a string").isTrue();
        JsonNode broken = pipeline.root().deepCopy();
        JsonNode brokenCheckout = steps(PipelineDocument.jobs(stageOf(broken, "Build")).get(0)).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) brokenCheckout).put("fetchDepth", 1);
        assertThat(PublishedSchemas.messages(schemas.pipelineSchema(), broken)).anyMatch(m -> m.contains("fetchDepth"));
        // and the parser types a plain number as a number, as the schema's editors do
        Object parsed = PipelineDocument.parseAllStrings("a: 1\nb: \"1\"\nc: true\nd: 5432:5432\n");
        assertThat(parsed.toString()).isEqualTo("{a=1, b=1, c=true, d=5432:5432}");
        assertThat(((java.util.Map<?, ?>) parsed).get("a")).isInstanceOf(Integer.class);
        assertThat(((java.util.Map<?, ?>) parsed).get("b")).isInstanceOf(String.class);
        assertThat(((java.util.Map<?, ?>) parsed).get("c")).isInstanceOf(String.class);
    }

    /** Issue 17, point 3: artifacts lose the executable bit, so every script runs as "bash <script>". */
    @Test
    void thePipelineNeverExecutesAScriptPathDirectly() {
        List<String> direct = new ArrayList<>();
        int calls = 0;
        for (JsonNode stage : pipeline.stages()) {
            for (JsonNode step : stepsOfStage(stage)) {
                calls += scriptCalls(script(step)).size();
                direct.addAll(directScriptCalls(script(step)));
            }
        }
        assertThat(calls).as("script calls found").isGreaterThanOrEqualTo(7);
        assertThat(direct).isEmpty();
        assertThat(directScriptCalls("$(Pipeline.Workspace)/deploy/scripts/deploy/wait-for-health.sh \"https://x/health/ready\" 300"))
                .as("the rule sees a direct call").hasSize(1);
        assertThat(directScriptCalls("set -e\n  ./scripts/deploy/smoke-test.sh https://x")).hasSize(1);
        assertThat(directScriptCalls("bash \"$(Pipeline.Workspace)/deploy/scripts/deploy/smoke-test.sh\" https://x")).isEmpty();
    }

    /** Issue 17, point 3: the custom domain's certificate may not exist yet on a first release. */
    @Test
    void productionIsVerifiedThroughTheFrontDoorEndpointHost() {
        JsonNode stage = pipeline.stage("Production");
        assertThat(stage.path("variables").path("frontDoorEndpointHostName").asText()).contains("armout.frontDoorEndpointHostName");
        List<JsonNode> steps = stepsOfStage(stage);
        int verify = indexOfScript(steps, "wait-for-health.sh", "/health/ready");
        assertThat(script(steps.get(verify))).contains("https://$(frontDoorEndpointHostName)/health/ready");
        for (JsonNode step : steps) {
            assertThat(script(step)).as(step.path("displayName").asText()).doesNotContain("$(publicHostName)");
        }
        assertThat(script(stepsOfStage(pipeline.stage("DeployStaging")).stream().filter(s -> s.path("name").asText().equals("armout"))
                .findFirst().orElseThrow())).contains("frontDoorEndpointHostName");
    }

    /** Issue 17, point 4: the staging slot admits the agent only while a release runs on it. */
    @Test
    void theStagingSlotAdmitsTheAgentOnlyForTheRelease() {
        List<JsonNode> steps = stepsOfStage(pipeline.stage("DeployStaging"));
        int arm = indexOf(steps, tasks(steps, "AzureResourceManagerTemplateDeployment@3").get(0));
        int allow = indexOfScript(steps, "slot-access.sh\" allow");
        int container = indexOf(steps, tasks(steps, "AzureWebAppContainer@1").get(0));
        int health = indexOfScript(steps, "wait-for-health.sh", "stagingSlotHostName");
        int smoke = indexOfScript(steps, "smoke-test.sh", "stagingSlotHostName");
        int revoke = indexOfScript(steps, "slot-access.sh\" revoke");
        assertThat(arm).as("the template resets the slot's rules, so the agent's rule comes after it").isLessThan(allow);
        assertThat(allow).isLessThan(container);
        assertThat(container).isLessThan(health);
        assertThat(smoke).isLessThan(revoke);
        assertThat(steps.get(revoke).path("condition").asText()).isEqualTo("always()");
        assertThat(script(steps.get(allow))).contains("agent-$(Build.BuildId)");
        assertThat(script(steps.get(revoke))).contains("agent-$(Build.BuildId)");
        // direct calls to the slot carry the Front Door id the app checks (X-Azure-FDID)
        assertThat(steps.get(health).path("env").path("FRONT_DOOR_ID").asText()).isEqualTo("$(frontDoorId)");
        assertThat(steps.get(smoke).path("env").path("FRONT_DOOR_ID").asText()).isEqualTo("$(frontDoorId)");
        assertThat(ProjectLayout.file("scripts/deploy/wait-for-health.sh")).content().contains("X-Azure-FDID: ${FRONT_DOOR_ID}");
        assertThat(ProjectLayout.file("scripts/deploy/smoke-test.sh")).content().contains("X-Azure-FDID: ${FRONT_DOOR_ID}");
        assertThat(ProjectLayout.file("scripts/deploy/slot-access.sh")).content()
                .contains("access-restriction add", "access-restriction remove", "--slot", "/32");
    }

    static List<String> scriptCalls(String text) {
        List<String> calls = new ArrayList<>();
        Matcher m = Pattern.compile("[^\\s\"']*\\.sh\\b").matcher(text);
        while (m.find()) {
            calls.add(m.group());
        }
        return calls;
    }

    /** Script paths not run as "bash <path>" (quoted or not). */
    static List<String> directScriptCalls(String text) {
        List<String> direct = new ArrayList<>();
        Matcher m = Pattern.compile("[^\\s\"']*\\.sh\\b").matcher(text);
        while (m.find()) {
            String before = text.substring(text.lastIndexOf('\n', m.start()) + 1, m.start()).replaceAll("[\"']$", "");
            if (!before.matches(".*\\bbash\\s+$")) {
                direct.add(m.group());
            }
        }
        return direct;
    }

    @Test
    void theSchemaCheckRejectsAnUnknownTaskInput() {
        PublishedSchemas schemas = new PublishedSchemas(ProjectLayout.publishedSchemas());
        JsonNode broken = pipeline.root().deepCopy();
        JsonNode swap = tasks(steps(PipelineDocument.jobs(stageOf(broken, "Production")).get(0)), "AzureAppServiceManage@0").get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) swap.path("inputs")).put("SwapWithProd", "true");
        assertThat(PublishedSchemas.messages(schemas.pipelineSchema(), broken)).isNotEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private JsonNode buildJob() {
        return PipelineDocument.jobs(pipeline.stage("Build")).get(0);
    }

    private static JsonNode stageOf(JsonNode root, String name) {
        for (JsonNode stage : root.path("stages")) {
            if (name.equals(stage.path("stage").asText())) {
                return stage;
            }
        }
        throw new AssertionError(name);
    }

    private static int indexOfScript(List<JsonNode> steps, String... fragments) {
        for (int i = 0; i < steps.size(); i++) {
            String text = script(steps.get(i));
            boolean all = !text.isEmpty();
            for (String fragment : fragments) {
                all &= text.contains(fragment);
            }
            if (all) {
                return i;
            }
        }
        throw new AssertionError("no step running " + String.join(" ... ", fragments));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
