package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.deploy.ArmTemplate.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ARM templates and parameter files against Azure's published deployment-template schemas
 * (arm-templates/schemas/arm, see {@link PublishedSchemas}). Fails, never skips, when the schemas are absent.
 *
 * <p>What the schemas catch: wrong enum spellings ("TLS1_2" where "1.2" is expected), wrong shapes (a SKU outside
 * properties), missing required properties, apiVersions without a published definition. What they do not: unknown
 * property names (the schemas allow them) and naming rules; {@link ArmTemplateTest} covers those that matter.
 */
class ArmTemplateSchemaTest {

    private static PublishedSchemas schemas;
    private static ArmTemplate template;

    @BeforeAll
    static void load() {
        schemas = new PublishedSchemas(ProjectLayout.publishedSchemas());
        template = ArmTemplate.load(ProjectLayout.armTemplate());
    }

    @Test
    void templateMatchesTheDeploymentTemplateSchema() {
        assertThat(schemas.validateEnvelope(template.root())).isEmpty();
        for (JsonNode nested : template.nestedTemplates()) {
            assertThat(schemas.validateEnvelope(nested)).as("nested template").isEmpty();
        }
    }

    @Test
    void everyResourceMatchesItsPublishedDefinition() {
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (Resource resource : template.resources()) {
            if (!resource.topLevel()) {
                continue; // children are validated as part of their parent's definition
            }
            Optional<String> definition = schemas.resourceDefinition(resource.type(), resource.apiVersion());
            if (definition.isEmpty()) {
                problems.add(resource + ": no published definition for apiVersion " + resource.apiVersion());
                continue;
            }
            schemas.validateResource(definition.get(), resource.node()).forEach(m -> problems.add(resource + " " + m));
            validated++;
        }
        assertThat(problems).isEmpty();
        assertThat(validated).as("resources validated").isGreaterThan(30);
    }

    @Test
    void childResourcesHavePublishedDefinitionsToo() {
        List<String> missing = new ArrayList<>();
        for (Resource resource : template.resources()) {
            if (schemas.resourceDefinition(resource.type(), resource.apiVersion()).isEmpty()) {
                missing.add(resource.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void parameterFilesMatchTheDeploymentParametersSchema() {
        for (String environment : List.of("staging", "production")) {
            JsonNode file = ArmTemplate.readJson(ProjectLayout.armParameters(environment));
            assertThat(schemas.validateParameterFile(file)).as(environment).isEmpty();
        }
    }

    @Test
    void theValidatorRejectsAMisspeltValue() {
        // Guards the guard: if schema loading silently degraded to "accept anything", this would pass wrongly.
        Resource redis = template.single("Microsoft.Cache/redisEnterprise");
        JsonNode broken = redis.node().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("properties")).put("minimumTlsVersion", "TLS1_2");
        String definition = schemas.resourceDefinition(redis.type(), redis.apiVersion()).orElseThrow();
        assertThat(schemas.validateResource(definition, broken)).isNotEmpty();

        // Azure Managed Redis: the cluster policy is one of the published values (issue 11, point 5)
        Resource database = template.single("Microsoft.Cache/redisEnterprise/databases");
        assertThat(schemas.validateResource(schemas.resourceDefinition(database.type(), database.apiVersion()).orElseThrow(), database.node()))
                .isEmpty();
        JsonNode brokenDatabase = database.node().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) brokenDatabase.path("properties")).put("clusteringPolicy", "Enterprise");
        assertThat(schemas.validateResource(schemas.resourceDefinition(database.type(), database.apiVersion()).orElseThrow(), brokenDatabase))
                .isNotEmpty();

        JsonNode envelope = template.root().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) envelope).put("contentVersion", "1.0");
        assertThat(schemas.validateEnvelope(envelope)).isNotEmpty();
    }
}
