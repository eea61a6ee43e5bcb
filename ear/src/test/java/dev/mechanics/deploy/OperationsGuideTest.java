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
                .contains("## 2. Deploying from zero", "az group create", "az deployment group what-if", "az deployment group create")
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

    @Test
    void decisionRecordNamesTheChoices() {
        assertThat(ContainerFilesTest.read(ProjectLayout.file("docs/adr/0005-azure-deployment.md")))
                .contains("Flexible Server", "Single Server", "Azure Managed Redis", "Front Door Premium", "Key Vault reference", "slot swap");
    }
}
