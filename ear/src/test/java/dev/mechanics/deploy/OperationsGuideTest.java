package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.deploy.ArmTemplate.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md and ADR 5 stay in step with the template they describe. */
class OperationsGuideTest {

    private final String guide = ContainerFilesTest.read(ProjectLayout.file("docs/operations.md"));
    private final ArmTemplate template = ArmTemplate.load(ProjectLayout.armTemplate());

    @Test
    void everyAlertOfTheTemplateHasAnEntryInTheGuide() {
        List<String> alerts = new ArrayList<>();
        for (String type : List.of("Microsoft.Insights/metricAlerts", "Microsoft.Insights/scheduledQueryRules")) {
            for (Resource alert : template.ofType(type)) {
                Matcher m = Pattern.compile("\\{0\\}-([a-z0-9-]+)'").matcher(alert.name());
                assertThat(m.find()).as(alert.toString()).isTrue();
                alerts.add(m.group(1));
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(4);
        for (String alert : alerts) {
            assertThat(guide).as("alert %s in the alert table", alert).contains("| `" + alert + "`");
        }
    }

    @Test
    void guideCoversDeployRotateScaleRestoreAndQueries() {
        assertThat(guide)
                .contains("## 2. First deployment (from an empty subscription)", "az group create", "az deployment group what-if", "az deployment group create")
                .contains("## 4. Rotating secrets", "JWT_SECRET", "JWT_REFRESH_SECRET", "ENCRYPTION_KEY", "Database password")
                .contains("## 5. Scaling", "appServicePlanSku", "autoscale")
                .contains("az postgres flexible-server restore", "--restore-time", "az postgres flexible-server geo-restore")
                .contains("```kusto");
    }

    @Test
    void outputsAndSecretsTheGuideUsesExist() {
        Set<String> outputs = new LinkedHashSet<>();
        template.outputs().fieldNames().forEachRemaining(outputs::add);
        Matcher m = Pattern.compile("\\$\\(out ([A-Za-z]+)\\)").matcher(guide);
        int used = 0;
        while (m.find()) {
            assertThat(outputs).as("output %s used by the guide", m.group(1)).contains(m.group(1));
            used++;
        }
        assertThat(used).isPositive();
        Set<String> secrets = new LinkedHashSet<>();
        template.variables().path("secretNames").forEach(n -> secrets.add(n.asText()));
        Matcher s = Pattern.compile("--name ([a-z-]+(?:secret|key|password|url))\\b").matcher(guide);
        while (s.find()) {
            assertThat(secrets).as("secret %s named in the guide", s.group(1)).contains(s.group(1));
        }
    }

    /** Issue 17: from an empty subscription to a working estate, each step with what to check. */
    @Test
    void firstDeploymentGoesFromAnEmptySubscriptionWithACheckAfterEachStep() {
        String section = section("## 2. First deployment", "## 3. ");
        assertThat(section).contains("az provider register", "az group create", "az deployment group what-if", "az deployment group create",
                "docker push", "configreferences", "bash scripts/deploy/wait-for-health.sh \"https://$FDHOST", "bash scripts/deploy/smoke-test.sh \"https://$FDHOST",
                "az role assignment list", "private-endpoint list", "diagnostic-settings create", "sc-mechanics-<estate>");
        String[] steps = section.split("\n\\*\\*2\\.\\d+ ");
        assertThat(steps.length - 1).as("numbered steps").isGreaterThanOrEqualTo(8);
        for (int i = 1; i < steps.length; i++) {
            assertThat(steps[i]).as("step 2.%d says what to check", i).contains("Check");
        }
        for (String secret : List.of("jwtSecret", "jwtRefreshSecret", "encryptionKey", "backupEncryptionKey", "postgresAdminPassword", "databaseAppPassword")) {
            assertThat(section).as("the first deployment passes %s", secret).contains(secret + ": {value:");
        }
        String pipeline = section("## 3. Releases (the pipeline)", "### Database migrations");
        assertThat(pipeline).contains("What the pipeline does on each push", "slot-access.sh allow", "slot-access.sh revoke", "Front Door endpoint host");
        // every script the guide runs, it runs through bash (as the pipeline does)
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        int blocks = 0;
        while (block.find()) {
            assertThat(PipelineTest.directScriptCalls(block.group(1))).as("script calls in docs/operations.md").isEmpty();
            blocks++;
        }
        assertThat(blocks).isGreaterThan(5);
    }

    /** Issue 17, point 4: the rule that lets the old version run on the new schema after a swap. */
    @Test
    void theExpandContractRuleIsWrittenDownWithTheCheckThatEnforcesIt() {
        assertThat(section("### Database migrations: expand, then contract", "## 4. "))
                .contains("previous and the new version", "**Expand**", "**Contract**", "-- contract:", "MigrationRulesTest");
    }

    /** Issue 17, point 5: Azure autoscale removes an instance only when all scale-in rules agree. */
    @Test
    void theScaleInRuleIsDescribedAsAzureAppliesIt() {
        String scaling = section("## 5. Scaling", "## 6. ");
        assertThat(scaling).contains("**and** queue <", "*all* scale-in rules").doesNotContain("or queue <");
        assertThat(scaling).contains("sku.capacity");
    }

    /** Issue 17, point 8: the heap the guide names is the one jvm.options sets. */
    @Test
    void theHeapInTheGuideIsTheOneJvmOptionsSets() {
        Matcher options = Pattern.compile("(?m)^-Xmx(\\d+[mMgG])$").matcher(ContainerFilesTest.read(ProjectLayout.file("liberty-config/jvm.options")));
        assertThat(options.find()).isTrue();
        Matcher named = Pattern.compile("-Xmx(\\d+[mMgG])").matcher(guide);
        int count = 0;
        while (named.find()) {
            assertThat(named.group(1)).as("-Xmx in docs/operations.md").isEqualTo(options.group(1));
            count++;
        }
        assertThat(count).isPositive();
    }

    /** Every app setting the template gives the site or the slot has a row in the guide's table (issue 15 point 5, 17). */
    @Test
    void everyAppSettingOfTheTemplateIsInTheGuidesTable() {
        String table = section("## 1. What is deployed", "## 2. ");
        Set<String> names = new java.util.TreeSet<>();
        names.addAll(template.appSettingNames(template.single("Microsoft.Web/sites")));
        names.addAll(template.appSettingNames(template.single("Microsoft.Web/sites/slots")));
        assertThat(names).contains("PUBLIC_BASE_URL", "TRUSTED_PROXIES", "FRONT_DOOR_ID", "APP_ENVIRONMENT", "DATABASE_MIGRATION_URL", "REDIS_AUTH");
        List<String> missing = names.stream().filter(n -> !table.contains("`" + n + "`")).toList();
        assertThat(missing).isEmpty();
    }

    /** A query in the guide names metrics as the code registers them (no _total added). */
    @Test
    void metricNamesInTheGuidesQueriesAreOnesTheCodeEmits() {
        Set<String> emitted = AlertNamesTest.emittedMetricNames();
        Matcher m = Pattern.compile("name == \"([a-z_]+)\"").matcher(guide);
        int count = 0;
        while (m.find()) {
            assertThat(emitted).as("metric %s in docs/operations.md", m.group(1)).contains(m.group(1));
            count++;
        }
        assertThat(count).isPositive();
    }

    private String section(String from, String to) {
        int start = guide.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = guide.indexOf(to, start + from.length());
        return end < 0 ? guide.substring(start) : guide.substring(start, end);
    }

    @Test
    void decisionRecordNamesTheChoices() {
        assertThat(ContainerFilesTest.read(ProjectLayout.file("docs/adr/0005-azure-deployment.md")))
                .contains("Flexible Server", "Single Server", "Azure Managed Redis", "Front Door Premium", "Key Vault reference", "slot swap");
        assertThat(ContainerFilesTest.read(ProjectLayout.file("docs/adr/0031-azure-managed-redis.md")))
                .contains("Microsoft.Cache/redisEnterprise", "EnterpriseCluster", "10000", "2028-09-30", "Entra");
        assertThat(ContainerFilesTest.read(ProjectLayout.file("docs/adr/0032-metrics-to-azure-monitor.md")))
                .contains("Micrometer", "customMetrics", "security_events", "AlertNamesTest");
    }
}
