package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mechanics.deploy.ArmTemplate.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 (the first real deployment works on the first try) and issue 15 point 5 (the database login), on the
 * template: each test names the point it guards. Nothing here talks to Azure; the checks read the files the way
 * Resource Manager would.
 */
class FirstDeploymentTest {

    static final String APP_IDENTITY = ArmTemplateTest.APP_IDENTITY;
    private final ArmTemplate template = ArmTemplate.load(ProjectLayout.armTemplate());

    // ---- 1. child resources depend on their parents -------------------------------------------------------------

    @Test
    void everyNestedOrParentChildNamedResourceDependsOnItsParent() {
        assertThat(missingParentDependencies(template)).isEmpty();
        // the rule sees every kind of child: nested ones and those named parent/child at the top level
        long checked = template.resources().stream().filter(r -> r.type().split("/").length > 2).count();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void theParentRuleCatchesANestedChildWithoutDependsOn() {
        JsonNode broken = template.root().deepCopy();
        for (JsonNode r : broken.path("resources")) {
            if (r.path("type").asText().equals("Microsoft.Web/sites")) {
                ((ObjectNode) r.path("resources").path(0)).remove("dependsOn");
            }
        }
        assertThat(missingParentDependencies(ArmTemplate.of(broken))).singleElement().asString().contains("basicPublishingCredentialsPolicies");
    }

    /**
     * ARM gives a child no implicit dependency on its parent (neither nested nor named parent/child): a child whose
     * parent is declared in the template must list it in dependsOn. Children of resources that live elsewhere (the
     * DNS zone of the nested deployment) are exempt.
     */
    static List<String> missingParentDependencies(ArmTemplate template) {
        Set<String> declared = new LinkedHashSet<>();
        template.resources().forEach(r -> declared.add(r.type().toLowerCase(Locale.ROOT)));
        List<String> missing = new ArrayList<>();
        for (Resource r : template.resources()) {
            String[] segments = r.type().split("/");
            if (segments.length <= 2) {
                continue;
            }
            String parentType = r.type().substring(0, r.type().lastIndexOf('/'));
            if (!declared.contains(parentType.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String needle = ("resourceId('" + parentType + "'").toLowerCase(Locale.ROOT);
            boolean found = ArmTemplate.dependsOn(r).stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).contains(needle));
            if (!found) {
                missing.add(r + " does not depend on its parent " + parentType);
            }
        }
        return missing;
    }

    // ---- 2. identity and its roles before the site and the slot ---------------------------------------------------

    @Test
    void theAppIdentityHoldsItsRolesBeforeTheSiteAndTheSlotAreCreated() {
        Resource identity = template.single("Microsoft.ManagedIdentity/userAssignedIdentities");
        assertThat(ArmTemplate.dependsOn(identity)).as("the identity waits for nothing of the app").isEmpty();
        Map<String, String> scopes = Map.of(
                "keyVaultSecretsUser", "resourceId('Microsoft.KeyVault/vaults', variables('keyVaultName'))",
                "acrPull", "resourceId('Microsoft.ContainerRegistry/registries', variables('registryName'))",
                "storageBlobDataContributor", "resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))");
        for (Resource app : List.of(template.single("Microsoft.Web/sites"), template.single("Microsoft.Web/sites/slots"))) {
            List<String> before = ArmTemplate.dependsOn(app);
            scopes.forEach((role, scope) -> {
                String guid = "guid(" + scope + ", " + APP_IDENTITY + ", variables('roles')." + role + ")";
                Resource assignment = template.byName("Microsoft.Authorization/roleAssignments", "[" + guid + "]")
                        .orElseThrow(() -> new AssertionError("no role assignment " + role + " for the app identity"));
                assertThat(ArmTemplate.dependsOn(assignment)).contains("[" + APP_IDENTITY + "]");
                assertThat(before).as("%s is created after its %s role exists", app, role)
                        .contains("[extensionResourceId(" + scope + ", 'Microsoft.Authorization/roleAssignments', " + guid + ")]");
            });
            assertThat(before).as("%s after its Redis access", app)
                    .contains("[resourceId('Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments', variables('redisName'), variables('redisDatabaseName'), 'app')]");
            assertThat(before).as("%s after the private endpoints resolve", app).filteredOn(d -> d.contains("privateDnsZoneGroups")).hasSize(3);
            assertThat(before).as("%s after every secret it references", app).filteredOn(d -> d.contains("Microsoft.KeyVault/vaults/secrets")).hasSize(7);
        }
        assertThat(template.text()).as("no system-assigned identity is left to race its role assignments").doesNotContain("SystemAssigned");
    }

    // ---- 4. the staging slot ---------------------------------------------------------------------------------------

    @Test
    void theStagingSlotIsClosedToTheInternetAndRunsNoScheduler() {
        Resource site = template.single("Microsoft.Web/sites");
        Resource slot = template.single("Microsoft.Web/sites/slots");
        JsonNode config = slot.properties().path("siteConfig");
        assertThat(config.path("ipSecurityRestrictionsDefaultAction").asText()).isEqualTo("Deny");
        assertThat(config.path("ipSecurityRestrictions")).as("only Front Door; the pipeline adds its agent for a release").hasSize(1);
        JsonNode rule = config.path("ipSecurityRestrictions").path(0);
        assertThat(rule.path("action").asText()).isEqualTo("Allow");
        assertThat(rule.path("ipAddress").asText()).isEqualTo("AzureFrontDoor.Backend");
        assertThat(rule.path("headers").path("x-azure-fdid").path(0).asText()).endsWith(".frontDoorId]");

        assertThat(template.appSetting(site, "BATCH_SCHEDULER_ENABLED")).isEqualTo("'true'");
        assertThat(template.appSetting(slot, "BATCH_SCHEDULER_ENABLED")).isEqualTo("'false'");
        assertThat(template.appSetting(slot, "APPLICATIONINSIGHTS_ROLE_NAME")).isNotEqualTo(template.appSetting(site, "APPLICATIONINSIGHTS_ROLE_NAME"));

        JsonNode sticky = null;
        for (JsonNode child : site.node().path("resources")) {
            if (child.path("type").asText().equals("config") && child.path("name").asText().equals("slotConfigNames")) {
                sticky = child.path("properties").path("appSettingNames");
            }
        }
        assertThat(sticky).as("slotConfigNames on the site").isNotNull();
        assertThat(sticky.asText()).isEqualTo("[variables('slotStickySettings')]");
        List<String> stickyNames = new ArrayList<>();
        template.variables().path("slotStickySettings").forEach(n -> stickyNames.add(n.asText()));
        assertThat(stickyNames).containsExactlyInAnyOrder("BATCH_SCHEDULER_ENABLED", "APPLICATIONINSIGHTS_ROLE_NAME");
        // every setting whose value differs between the slots is sticky, and nothing else is
        Set<String> differing = new LinkedHashSet<>();
        for (String name : template.appSettingNames(site)) {
            String siteValue = template.appSetting(site, name).replace("appImageTag", "IMAGE");
            String slotValue = template.appSetting(slot, name).replace("stagingImageTag", "IMAGE");
            if (!siteValue.equals(slotValue)) {
                differing.add(name);
            }
        }
        assertThat(differing).containsExactlyInAnyOrderElementsOf(stickyNames);
        assertThat(template.appSettingNames(slot)).isEqualTo(template.appSettingNames(site));
    }

    // ---- 5. autoscale owns the instance count ------------------------------------------------------------------------

    @Test
    void deploymentsLeaveTheInstanceCountToAutoscale() {
        Resource plan = template.single("Microsoft.Web/serverfarms");
        assertThat(template.single("Microsoft.Insights/autoscalesettings").properties().path("targetResourceUri").asText())
                .contains("Microsoft.Web/serverfarms");
        assertThat(plan.node().path("sku").has("capacity")).as("sku.capacity would reset autoscale on every deployment").isFalse();
        assertThat(plan.properties().has("targetWorkerCount")).isFalse();
    }

    // ---- 7. Redis, Storage and Key Vault are private ------------------------------------------------------------------

    @Test
    void redisStorageAndKeyVaultAreReachedThroughPrivateEndpointsOnly() {
        Map<String, String> groupByTarget = Map.of(
                "resourceId('Microsoft.KeyVault/vaults', variables('keyVaultName'))", "vault",
                "resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))", "blob",
                "resourceId('Microsoft.Cache/redisEnterprise', variables('redisName'))", "redisEnterprise");
        Map<String, String> zoneByGroup = Map.of("vault", "privatelink.vaultcore.azure.net", "blob", "privatelink.blob.",
                "redisEnterprise", "privatelink.redis.azure.net");
        groupByTarget.forEach((target, group) -> {
            Resource endpoint = template.ofType("Microsoft.Network/privateEndpoints").stream()
                    .filter(pe -> pe.properties().path("privateLinkServiceConnections").path(0).path("properties").path("privateLinkServiceId").asText().equals("[" + target + "]"))
                    .findFirst().orElseThrow(() -> new AssertionError("no private endpoint for " + target));
            JsonNode connection = endpoint.properties().path("privateLinkServiceConnections").path(0).path("properties");
            assertThat(connection.path("groupIds").path(0).asText()).isEqualTo(group);
            assertThat(endpoint.properties().path("subnet").path("id").asText()).contains("variables('privateEndpointSubnetName')");
            Resource zoneGroup = template.ofType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").stream()
                    .filter(g -> g.name().contains(endpoint.name().substring(1, endpoint.name().length() - 1)))
                    .findFirst().orElseThrow(() -> new AssertionError("no DNS zone group for " + endpoint));
            String zoneExpression = zoneGroup.properties().path("privateDnsZoneConfigs").path(0).path("properties").path("privateDnsZoneId").asText();
            Matcher zoneKey = Pattern.compile("variables\\('privateDnsZones'\\)\\.(\\w+)").matcher(zoneExpression);
            assertThat(zoneKey.find()).as(zoneExpression).isTrue();
            String zone = template.variables().path("privateDnsZones").path(zoneKey.group(1)).asText();
            assertThat(zone).as("DNS zone of %s", group).contains(zoneByGroup.get(group));
            assertThat(template.ofType("Microsoft.Network/privateDnsZones/virtualNetworkLinks"))
                    .as("zone %s is linked to the VNet", zone)
                    .anyMatch(l -> l.name().contains("variables('privateDnsZones')." + zoneKey.group(1)));
        });
        for (String type : List.of("Microsoft.KeyVault/vaults", "Microsoft.Storage/storageAccounts")) {
            JsonNode props = template.single(type).properties();
            assertThat(props.path("publicNetworkAccess").asText()).as(type)
                    .isEqualTo("[if(empty(parameters('operatorIpAddresses')), 'Disabled', 'Enabled')]");
            assertThat(props.path("networkAcls").path("defaultAction").asText()).as(type).isEqualTo("Deny");
            assertThat(props.path("networkAcls").path("bypass").asText()).as(type).isEqualTo("None");
        }
        assertThat(template.parameters().path("operatorIpAddresses").path("defaultValue")).as("no public access by default").isEmpty();
        assertThat(template.single("Microsoft.Cache/redisEnterprise").properties().path("publicNetworkAccess").asText()).isEqualTo("Disabled");
        assertThat(template.single("Microsoft.Cache/redisEnterprise/databases").properties().path("accessKeysAuthentication").asText()).isEqualTo("Disabled");
        for (Resource app : List.of(template.single("Microsoft.Web/sites"), template.single("Microsoft.Web/sites/slots"))) {
            assertThat(app.properties().path("siteConfig").path("vnetRouteAllEnabled").asBoolean(false))
                    .as("%s resolves Key Vault references and reaches the endpoints through the VNet", app).isTrue();
        }
    }

    // ---- 8. secrets, keys, TLS to the database, the probe -----------------------------------------------------------

    @Test
    void noTemplateExpressionReadsAKeySoWhatIfAndOutputsShowNoSecret() {
        Matcher list = Pattern.compile("\\blist[A-Z]\\w*\\(").matcher(template.text());
        List<String> found = new ArrayList<>();
        while (list.find()) {
            found.add(list.group());
        }
        assertThat(found).as("list*() functions return keys; what-if with full payloads would print them").isEmpty();
    }

    @Test
    void backupsHaveTheirOwnKeyAndOperatorsAreAParameter() {
        JsonNode common = template.variables().path("appSettingsCommon");
        assertThat(ArmTemplate.setting(common, "BACKUP_ENCRYPTION_KEY")).contains("variables('secretNames').backupEncryptionKey");
        assertThat(template.variables().path("secretNames").path("backupEncryptionKey").asText())
                .isNotEqualTo(template.variables().path("secretNames").path("encryptionKey").asText());
        assertThat(ArmTemplate.setting(common, "PLATFORM_ADMIN_EMAILS")).isEqualTo("[parameters('platformAdminEmails')]");
        assertThat(template.parameters().path("platformAdminEmails").path("type").asText()).isEqualTo("string");
    }

    @Test
    void theDatabaseIsReachedWithVerifyFullAgainstTheRootsInTheImage() {
        assertThat(template.variables().path("databaseUrlParameters").asText())
                .isEqualTo("[format('sslmode=verify-full&sslrootcert={0}', variables('postgresRootCertificates'))]");
        for (String secret : List.of("databaseUrl", "databaseMigrationUrl")) {
            Resource url = secretResource(secret);
            assertThat(url.properties().path("value").asText()).as(secret).contains("variables('databaseUrlParameters')");
        }
        assertThat(template.text()).as("sslmode=require does not verify the server").doesNotContain("sslmode=require");
        // ContainerFilesTest checks that the image has the file at this path.
        assertThat(template.variables().path("postgresRootCertificates").asText()).startsWith("/opt/mechanics/certs/");
    }

    @Test
    void frontDoorProbesTheCheapLivenessRoute() {
        JsonNode probe = template.single("Microsoft.Cdn/profiles/originGroups").properties().path("healthProbeSettings");
        assertThat(probe.path("probePath").asText()).isEqualTo("/health/live");
        assertThat(probe.path("probeIntervalInSeconds").asInt()).isGreaterThanOrEqualTo(60);
        // /health/live is MicroProfile Health's liveness route: no database, Redis or storage call behind it.
        assertThat(ContainerFilesTest.read(ProjectLayout.file("liberty-config/server.xml"))).contains("<feature>mpHealth-");
        assertThat(ContainerFilesTest.read(ProjectLayout.file("scripts/deploy/smoke-test.sh"))).contains("GET /health/live");
    }

    /** JSON templates take ARM functions only: a Bicep lambda arrow is a deployment-time error that no schema sees. */
    @Test
    void expressionsUseArmSyntaxOnly() {
        List<String> bicep = new ArrayList<>();
        ArmTemplate.forEachString(template.root(), "", (pointer, value) -> {
            if (ArmTemplate.isExpression(value) && (value.contains("=>") || value.contains("?.") || value.contains("${"))) {
                bicep.add(pointer + " = " + value);
            }
            if (ArmTemplate.isExpression(value) && value.contains("map(") && !value.contains("lambda('")) {
                bicep.add(pointer + " = " + value);
            }
        });
        assertThat(bicep).isEmpty();
    }

    // ---- issue 15, point 5: the application's own database role -------------------------------------------------------

    @Test
    void theApplicationConnectsAsItsOwnRoleAndMigratesAsTheOwner() {
        JsonNode common = template.variables().path("appSettingsCommon");
        assertThat(ArmTemplate.setting(common, "DATABASE_URL")).contains("variables('secretNames').databaseUrl)");
        assertThat(ArmTemplate.setting(common, "DATABASE_MIGRATION_URL")).contains("variables('secretNames').databaseMigrationUrl)");
        String app = secretResource("databaseUrl").properties().path("value").asText();
        String owner = secretResource("databaseMigrationUrl").properties().path("value").asText();
        assertThat(app).contains("uriComponent(parameters('databaseAppLogin'))", "uriComponent(parameters('databaseAppPassword'))")
                .doesNotContain("postgresAdmin");
        assertThat(owner).contains("uriComponent(parameters('postgresAdminLogin'))", "uriComponent(parameters('postgresAdminPassword'))");
        assertThat(template.parameters().path("databaseAppLogin").path("defaultValue").asText())
                .isNotEqualTo(template.parameters().path("postgresAdminLogin").path("defaultValue").asText());
        assertThat(template.parameters().path("databaseAppPassword").path("type").asText()).isEqualTo("securestring");
        // The owner role provisions the application role from DATABASE_URL at migration time (domain-module).
        assertThat(ContainerFilesTest.read(ProjectLayout.file("domain-module/src/main/java/dev/mechanics/platform/FlywayMigrationIntegrator.java")))
                .contains("provisionApplicationRole(owner, ");
    }

    @Test
    void theAppKnowsItsPublicAddressItsProxiesItsFrontDoorAndThatItIsProduction() {
        Resource site = template.single("Microsoft.Web/sites");
        assertThat(template.appSetting(site, "APP_ENVIRONMENT")).isEqualTo("production");
        assertThat(template.appSetting(site, "PUBLIC_BASE_URL")).startsWith("format('https://{0}', if(variables('customDomainEnabled'), variables('customDomainHostName'), ")
                .contains("Microsoft.Cdn/profiles/afdEndpoints").endsWith(".hostName))");
        assertThat(template.appSetting(site, "FRONT_DOOR_ID")).isEqualTo("reference(resourceId('Microsoft.Cdn/profiles', variables('frontDoorName')), '2025-12-01').frontDoorId");
        assertThat(template.appSetting(site, "TRUSTED_PROXIES"))
                .isEqualTo("[join(concat(parameters('appServiceFrontEndRanges'), parameters('frontDoorBackendRanges')), ',')]");
        List<String> ranges = new ArrayList<>();
        template.parameters().path("appServiceFrontEndRanges").path("defaultValue").forEach(r -> ranges.add(r.asText()));
        template.parameters().path("frontDoorBackendRanges").path("defaultValue").forEach(r -> ranges.add(r.asText()));
        assertThat(ranges).contains("169.254.0.0/16", "147.243.0.0/16", "2a01:111:2050::/44").allMatch(r -> r.matches("[0-9a-f:.]+/\\d{1,3}"));
        for (String smtp : List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_FROM", "SMTP_PASS")) {
            assertThat(template.appSetting(site, smtp)).as(smtp).isNotNull();
        }
        assertThat(template.parameters().path("smtpHost").has("defaultValue")).as("mail is required in production").isFalse();
    }

    private Resource secretResource(String key) {
        return template.ofType("Microsoft.KeyVault/vaults/secrets").stream()
                .filter(s -> s.name().endsWith("variables('secretNames')." + key + ")]")).findFirst()
                .orElseThrow(() -> new AssertionError("no secret " + key));
    }
}
