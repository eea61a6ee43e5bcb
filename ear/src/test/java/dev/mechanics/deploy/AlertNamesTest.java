package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.deploy.ArmTemplate.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 6: alerts that can fire. The application's MicroProfile metrics reach Application Insights as
 * customMetrics under the names the code registers (the agent's Micrometer support; docs/adr/0032), so every
 * metric, dimension and value a log alert queries must be one the Java sources emit. A renamed counter fails here,
 * not silently in Azure.
 */
class AlertNamesTest {

    private static final Pattern METRIC = Pattern.compile("\\.(?:counter|gauge|timer|histogram)\\(\\s*\"([a-z][a-z0-9_.]*)\"");
    private static final Pattern TAG = Pattern.compile("new Tag\\(\\s*\"([a-z_]+)\"");
    private final ArmTemplate template = ArmTemplate.load(ProjectLayout.armTemplate());

    @Test
    void everyMetricAndDimensionAnAlertQueriesIsOneTheCodeEmits() {
        String sources = mainSources();
        Set<String> metrics = emittedMetricNames();
        Set<String> tags = matches(TAG, sources);
        Map<String, Set<String>> values = dimensionValues();
        assertThat(metrics).as("metric names found in the sources").contains("security_events", "backup_last_success_age_seconds", "batch_job_runs_total",
                "outbox_oldest_pending_age_seconds", "outbox_dead");

        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Resource alert : template.ofType("Microsoft.Insights/scheduledQueryRules")) {
            String query = alert.properties().path("criteria").path("allOf").path(0).path("query").asText();
            Matcher name = Pattern.compile("name == \\\\?\"([^\"\\\\]+)\\\\?\"").matcher(query);
            while (name.find()) {
                checked++;
                if (!metrics.contains(name.group(1))) {
                    unknown.add(alert.name() + ": metric " + name.group(1));
                }
            }
            Matcher dimension = Pattern.compile("customDimensions\\.(\\w+)\\) == \\\\?\"([^\"\\\\]+)\\\\?\"").matcher(query);
            while (dimension.find()) {
                checked++;
                if (!tags.contains(dimension.group(1))) {
                    unknown.add(alert.name() + ": dimension " + dimension.group(1));
                } else if (!values.getOrDefault(dimension.group(1), Set.of()).contains(dimension.group(2))) {
                    unknown.add(alert.name() + ": " + dimension.group(1) + " = " + dimension.group(2));
                }
            }
            Matcher event = Pattern.compile("event=([a-z_.]+)").matcher(query);
            while (event.find()) {
                checked++;
                if (!sources.contains("\"event=" + event.group(1)) && !isSecurityEventLine(event.group(1), values)) {
                    unknown.add(alert.name() + ": log event " + event.group(1));
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(checked).as("names checked").isGreaterThanOrEqualTo(6);
    }

    /** Issue 16: an outbox that stops draining (oldest waiting mail past the limit) or gave a mail up (DEAD). */
    @Test
    void theOutboxAlertFiresWhenTheOldestMailWaitsTooLongOrOneIsDead() {
        Resource alert = template.ofType("Microsoft.Insights/scheduledQueryRules").stream()
                .filter(a -> a.name().contains("-outbox-stalled'")).findFirst().orElseThrow();
        String query = alert.properties().path("criteria").path("allOf").path(0).path("query").asText();
        assertThat(query).contains("name == \"outbox_oldest_pending_age_seconds\"", "name == \"outbox_dead\"",
                "where age > {0} or dead > 0", "mul(parameters('outboxMaxAgeMinutes'), 60)");
        assertThat(template.parameters().path("outboxMaxAgeMinutes").path("defaultValue").asInt()).isEqualTo(15);
        assertThat(alert.properties().path("evaluationFrequency").asText()).isEqualTo("PT5M");
        // the gauges are the outbox's own reading, in seconds
        assertThat(ContainerFilesTest.read(ProjectLayout.file(
                "mail-module/src/main/java/dev/mechanics/platform/mail/OutboxMetrics.java")))
                .contains("\"outbox_oldest_pending_age_seconds\"", "oldestPendingSeconds()");
    }

    @Test
    void theBackupAlertIsQuietBeforeTheFirstBackupAndLoudWhenBackupsStop() {
        Resource alert = template.ofType("Microsoft.Insights/scheduledQueryRules").stream()
                .filter(a -> a.name().contains("-backup-age'")).findFirst().orElseThrow();
        String query = alert.properties().path("criteria").path("allOf").path(0).path("query").asText();
        // -1 means "no verified backup yet" (BackupMetrics): it must not fire then ...
        assertThat(ContainerFilesTest.read(ProjectLayout.file("batch-module/src/main/java/dev/mechanics/backup/BackupMetrics.java")))
                .contains(".orElse(-1.0)");
        assertThat(query).doesNotContain("< 0").doesNotContain("coalesce(observed, -1");
        // ... and fires when the newest backup is too old, when a backup run failed, or when the gauge vanished while the app serves.
        assertThat(query).contains("where age > {0}", "failedRuns > 0", "(isnull(age) and served > 0)")
                .contains("mul(parameters('backupMaxAgeHours'), 3600)");
    }

    @Test
    void metricAlertsWatchTheResourceTypeTheyAreScopedTo() {
        for (Resource alert : template.ofType("Microsoft.Insights/metricAlerts")) {
            String scope = alert.properties().path("scopes").path(0).asText();
            String namespace = alert.properties().path("criteria").path("allOf").path(0).path("metricNamespace").asText();
            assertThat(scope).as(alert.toString()).startsWith("[resourceId('" + namespace + "',");
        }
    }

    /** Every metric name the Java sources register. */
    static Set<String> emittedMetricNames() {
        return matches(METRIC, mainSources());
    }

    /** Values each dimension can take, read from the code: security event kinds, batch job names, job outcomes. */
    private static Map<String, Set<String>> dimensionValues() {
        Map<String, Set<String>> values = new TreeMap<>();
        values.put("kind", matches(Pattern.compile("public static final String [A-Z_]+ = \"([a-z_]+)\""),
                read("domain-module/src/main/java/dev/mechanics/platform/SecurityEvents.java")));
        // every job names itself in its JobDefinition: super("<job name>"...)
        values.put("job", matches(Pattern.compile("super\\(\"([a-z-]+)\""), mainSources()));
        Set<String> outcomes = matches(Pattern.compile("\"([A-Z]+)\""),
                read("batch-module/src/main/java/dev/mechanics/platform/batch/job/JobOutcomeListener.java"));
        for (jakarta.batch.runtime.BatchStatus status : jakarta.batch.runtime.BatchStatus.values()) {
            outcomes.add(status.name()); // the listener passes every other status through by name
        }
        values.put("outcome", outcomes);
        values.put("mp_scope", Set.of("application", "base", "vendor"));
        return values;
    }

    private static boolean isSecurityEventLine(String event, Map<String, Set<String>> values) {
        return event.startsWith("security.") && values.get("kind").contains(event.substring("security.".length()));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(String relative) {
        return ContainerFilesTest.read(ProjectLayout.file(relative));
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ProjectLayout.root())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
