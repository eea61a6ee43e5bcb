package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.deploy.ArmTemplate.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * arm-templates/azuredeploy.json: the rules every template must follow, and the estate issue 5 asks for.
 * Offline: nothing here talks to Azure. Schema validation is in {@link ArmTemplateSchemaTest}.
 */
class ArmTemplateTest {

    /** The apiVersion allowed per resource type: the newest stable ones of design/AZURE-NOTES.md. */
    static final Map<String, String> API_VERSIONS = allowList(
            "Microsoft.Web/serverfarms", "2024-11-01",
            "Microsoft.Web/sites", "2024-11-01",
            "Microsoft.Web/sites/slots", "2024-11-01",
            "Microsoft.Web/sites/config", "2024-11-01",
            "Microsoft.Web/sites/slots/config", "2024-11-01",
            "Microsoft.Web/sites/basicPublishingCredentialsPolicies", "2024-11-01",
            "Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies", "2024-11-01",
            "Microsoft.Insights/autoscalesettings", "2022-10-01",
            "Microsoft.DBforPostgreSQL/flexibleServers", "2025-08-01",
            "Microsoft.DBforPostgreSQL/flexibleServers/databases", "2025-08-01",
            "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "2025-08-01",
            "Microsoft.DBforPostgreSQL/flexibleServers/configurations", "2025-08-01",
            "Microsoft.Cache/redisEnterprise", "2025-07-01",
            "Microsoft.Cache/redisEnterprise/databases", "2025-07-01",
            "Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments", "2025-07-01",
            "Microsoft.Storage/storageAccounts", "2026-04-01",
            "Microsoft.Storage/storageAccounts/blobServices", "2026-04-01",
            "Microsoft.Storage/storageAccounts/blobServices/containers", "2026-04-01",
            "Microsoft.Storage/storageAccounts/managementPolicies", "2026-04-01",
            "Microsoft.KeyVault/vaults", "2026-02-01",
            "Microsoft.KeyVault/vaults/secrets", "2026-02-01",
            "Microsoft.Authorization/roleAssignments", "2022-04-01",
            "Microsoft.Insights/components", "2020-02-02",
            "Microsoft.OperationalInsights/workspaces", "2025-07-01",
            "Microsoft.ContainerRegistry/registries", "2025-11-01",
            "Microsoft.Cdn/profiles", "2025-12-01",
            "Microsoft.Cdn/profiles/afdEndpoints", "2025-12-01",
            "Microsoft.Cdn/profiles/afdEndpoints/routes", "2025-12-01",
            "Microsoft.Cdn/profiles/originGroups", "2025-12-01",
            "Microsoft.Cdn/profiles/originGroups/origins", "2025-12-01",
            "Microsoft.Cdn/profiles/customDomains", "2025-12-01",
            "Microsoft.Cdn/profiles/securityPolicies", "2025-12-01",
            "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "2025-11-01",
            "Microsoft.Insights/metricAlerts", "2026-01-01",
            "Microsoft.Insights/scheduledQueryRules", "2026-03-01",
            "Microsoft.Insights/actionGroups", "2023-01-01",
            "Microsoft.Network/dnsZones", "2018-05-01",
            "Microsoft.Network/dnsZones/CNAME", "2018-05-01",
            "Microsoft.Network/dnsZones/TXT", "2018-05-01",
            "Microsoft.Network/privateDnsZones", "2024-06-01",
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "2024-06-01",
            "Microsoft.Network/virtualNetworks", "2025-07-01",
            "Microsoft.Network/virtualNetworks/subnets", "2025-07-01",
            "Microsoft.Network/privateEndpoints", "2025-07-01",
            "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "2025-07-01",
            "Microsoft.ManagedIdentity/userAssignedIdentities", "2024-11-30",
            "Microsoft.Resources/deployments", "2025-04-01");

    /** Issue 5, point 4: the estate. Each type must appear at least once. */
    static final List<String> REQUIRED_TYPES = List.of(
            "Microsoft.OperationalInsights/workspaces",
            "Microsoft.Insights/components",
            "Microsoft.ContainerRegistry/registries",
            "Microsoft.Web/serverfarms",
            "Microsoft.Insights/autoscalesettings",
            "Microsoft.Web/sites",
            "Microsoft.Web/sites/slots",
            "Microsoft.KeyVault/vaults",
            "Microsoft.KeyVault/vaults/secrets",
            "Microsoft.Authorization/roleAssignments",
            "Microsoft.DBforPostgreSQL/flexibleServers",
            "Microsoft.DBforPostgreSQL/flexibleServers/databases",
            "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
            "Microsoft.Network/virtualNetworks",
            "Microsoft.Network/privateDnsZones",
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
            "Microsoft.Cache/redisEnterprise",
            "Microsoft.Cache/redisEnterprise/databases",
            "Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments",
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            "Microsoft.Network/privateEndpoints",
            "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts/blobServices",
            "Microsoft.Storage/storageAccounts/blobServices/containers",
            "Microsoft.Storage/storageAccounts/managementPolicies",
            "Microsoft.Cdn/profiles",
            "Microsoft.Cdn/profiles/afdEndpoints",
            "Microsoft.Cdn/profiles/originGroups",
            "Microsoft.Cdn/profiles/originGroups/origins",
            "Microsoft.Cdn/profiles/afdEndpoints/routes",
            "Microsoft.Cdn/profiles/securityPolicies",
            "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies",
            "Microsoft.Network/dnsZones/CNAME",
            "Microsoft.Insights/actionGroups",
            "Microsoft.Insights/metricAlerts",
            "Microsoft.Insights/scheduledQueryRules");

    static final String KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6";
    static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /** App settings that carry secrets: each must be a Key Vault reference. */
    static final List<String> SECRET_SETTINGS = List.of("DATABASE_URL", "DATABASE_MIGRATION_URL", "JWT_SECRET", "JWT_REFRESH_SECRET",
            "ENCRYPTION_KEY", "BACKUP_ENCRYPTION_KEY");

    static final String APP_IDENTITY = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName'))";

    private final ArmTemplate template = ArmTemplate.load(ProjectLayout.armTemplate());

    /**
     * V110 creates btree_gist (the appointments' exclusion constraints); Azure Flexible Server lets a migration
     * create only the extensions listed in its azure.extensions parameter. The change waits for the TLS change
     * (the server refuses concurrent configuration updates) and the database for both.
     */
    @Test
    void theServerAllowsTheExtensionsTheMigrationsCreate() {
        Resource extensions = template.ofType("Microsoft.DBforPostgreSQL/flexibleServers/configurations").stream()
                .filter(c -> c.name().contains("'azure.extensions'")).findFirst().orElseThrow();
        assertThat(List.of(extensions.properties().path("value").asText().split(","))).contains("BTREE_GIST");
        assertThat(extensions.node().path("dependsOn").toString()).contains("'require_secure_transport'");
        assertThat(template.single("Microsoft.DBforPostgreSQL/flexibleServers/databases").node().path("dependsOn")
                .toString()).contains("'azure.extensions'");
    }

    @Test
    void templateAndParameterFilesAreValidJsonWithoutDuplicateKeys() {
        // load() already refuses malformed JSON and duplicate keys; these assertions pin the basics.
        assertThat(template.root().path("$schema").asText()).endsWith("/2019-04-01/deploymentTemplate.json#");
        assertThat(template.root().path("contentVersion").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        for (String environment : List.of("staging", "production")) {
            JsonNode parameters = ArmTemplate.readJson(ProjectLayout.armParameters(environment));
            assertThat(parameters.path("$schema").asText()).as(environment).endsWith("/2019-04-01/deploymentParameters.json#");
            assertThat(parameters.path("parameters").isObject()).as(environment).isTrue();
        }
    }

    @Test
    void everyDeclaredParameterIsUsed() {
        for (JsonNode tpl : allTemplates()) {
            String body = withoutParameterDeclarations(tpl);
            List<String> unused = new ArrayList<>();
            tpl.path("parameters").fieldNames().forEachRemaining(name -> {
                if (!Pattern.compile("parameters\\('" + Pattern.quote(name) + "'\\)", Pattern.CASE_INSENSITIVE).matcher(body).find()) {
                    unused.add(name);
                }
            });
            assertThat(unused).as("declared but never used").isEmpty();
        }
    }

    @Test
    void everyReferencedParameterAndVariableIsDeclared() {
        Set<String> parameters = lowerNames(template.parameters());
        Set<String> variables = lowerNames(template.variables());
        List<String> undeclared = new ArrayList<>();
        Matcher m = Pattern.compile("(parameters|variables)\\('([^']+)'\\)").matcher(template.text());
        while (m.find()) {
            Set<String> declared = m.group(1).equals("parameters") ? parameters : variables;
            if (!declared.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                undeclared.add(m.group());
            }
        }
        assertThat(undeclared).isEmpty();
        List<String> unusedVariables = new ArrayList<>();
        template.variables().fieldNames().forEachRemaining(name -> {
            if (!template.text().contains("variables('" + name + "')")) {
                unusedVariables.add(name);
            }
        });
        assertThat(unusedVariables).as("variables never used").isEmpty();
    }

    @Test
    void secretParametersAreSecureStringsWithoutDefaults() {
        for (JsonNode tpl : allTemplates()) {
            tpl.path("parameters").properties().forEach(p -> {
                String type = p.getValue().path("type").asText();
                boolean secure = type.equalsIgnoreCase("securestring") || type.equalsIgnoreCase("secureObject");
                if (isSecretName(p.getKey())) {
                    assertThat(secure).as("parameter %s looks like a secret but is %s", p.getKey(), type).isTrue();
                }
                if (secure) {
                    assertThat(p.getValue().path("defaultValue").asText(""))
                            .as("secure parameter %s must not carry a default secret", p.getKey()).isEmpty();
                }
            });
        }
        // The rule must find something to check: the secrets the application needs are parameters.
        assertThat(template.parameters().fieldNames()).toIterable()
                .contains("jwtSecret", "jwtRefreshSecret", "encryptionKey", "backupEncryptionKey", "postgresAdminPassword", "databaseAppPassword");
    }

    @Test
    void noLocationIsHardCoded() {
        List<String> problems = new ArrayList<>();
        for (Resource r : template.resources()) {
            if (!r.node().has("location")) {
                continue;
            }
            String location = r.node().path("location").asText();
            if (!location.equals("[parameters('location')]") && !location.equalsIgnoreCase("global")) {
                problems.add(r + " has location " + location);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(template.parameters().path("location").path("defaultValue").asText()).isEqualTo("[resourceGroup().location]");
        // No region name anywhere else either (e.g. inside a format() or a variable).
        Pattern region = Pattern.compile("'(east|west|north|south|central|uk|japan|australia|brazil|canada|france|germany|india|korea|norway|switzerland|uae|sweden|italy|poland|qatar|israel|mexico|spain)[a-z]*[0-9]?'",
                Pattern.CASE_INSENSITIVE);
        Matcher m = region.matcher(template.text());
        List<String> regions = new ArrayList<>();
        while (m.find()) {
            regions.add(m.group());
        }
        assertThat(regions).as("region names in the template").isEmpty();
    }

    @Test
    void everyApiVersionIsOnTheAllowList() {
        List<String> problems = new ArrayList<>();
        for (Resource r : template.resources()) {
            String allowed = API_VERSIONS.get(r.type().toLowerCase(Locale.ROOT));
            if (allowed == null) {
                problems.add(r + ": type not on the allow-list");
            } else if (!allowed.equals(r.apiVersion())) {
                problems.add(r + ": apiVersion " + r.apiVersion() + ", allowed " + allowed);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyResourceOfTheEstateIsPresent() {
        Set<String> present = new LinkedHashSet<>();
        template.resources().forEach(r -> present.add(r.type().toLowerCase(Locale.ROOT)));
        List<String> missing = REQUIRED_TYPES.stream().filter(t -> !present.contains(t.toLowerCase(Locale.ROOT))).toList();
        assertThat(missing).isEmpty();
        assertThat(template.ofType("Microsoft.DBforPostgreSQL/servers")).as("Single Server is retired").isEmpty();
    }

    @Test
    void outputsRevealNoSecrets() {
        Set<String> secureParameters = new LinkedHashSet<>();
        template.parameters().properties().forEach(p -> {
            if (p.getValue().path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                secureParameters.add(p.getKey());
            }
        });
        assertThat(template.outputs().size()).isPositive();
        template.outputs().properties().forEach(o -> {
            String name = o.getKey();
            String type = o.getValue().path("type").asText();
            String value = o.getValue().path("value").toString();
            assertThat(type.toLowerCase(Locale.ROOT)).as("output %s type", name).doesNotStartWith("secure");
            assertThat(isSecretName(name)).as("output %s is named like a secret", name).isFalse();
            assertThat(value).as("output %s", name)
                    .doesNotContainIgnoringCase("listKeys(")
                    .doesNotContainIgnoringCase("listSecrets(")
                    .doesNotContainIgnoringCase("listCredentials(")
                    .doesNotContainIgnoringCase("ConnectionString")
                    .doesNotContainIgnoringCase("InstrumentationKey")
                    .doesNotContainIgnoringCase("primaryKey")
                    .doesNotContainIgnoringCase("variables('secretNames')");
            for (String secure : secureParameters) {
                assertThat(value).as("output %s uses secure parameter %s", name, secure).doesNotContain("parameters('" + secure + "')");
            }
        });
    }

    @Test
    void webAppAndStagingSlotAreHardened() {
        Resource site = template.single("Microsoft.Web/sites");
        Resource slot = template.single("Microsoft.Web/sites/slots");
        assertThat(variable("slotName")).isEqualTo("staging");
        assertThat(slot.name()).contains("variables('slotName')");
        for (Resource app : List.of(site, slot)) {
            JsonNode props = app.properties();
            JsonNode config = props.path("siteConfig");
            assertThat(app.node().path("kind").asText()).as(app.toString()).isEqualTo("app,linux,container");
            assertThat(app.node().path("identity").path("type").asText()).as("%s identity", app).isEqualTo("UserAssigned");
            assertThat(app.node().path("identity").path("userAssignedIdentities").fieldNames()).toIterable().as("%s identity", app)
                    .containsExactly("[" + APP_IDENTITY + "]");
            assertThat(props.path("httpsOnly").asBoolean(false)).as("%s httpsOnly", app).isTrue();
            assertThat(props.path("keyVaultReferenceIdentity").asText()).as(app.toString()).isEqualTo("[" + APP_IDENTITY + "]");
            assertThat(config.path("acrUserManagedIdentityID").asText()).as(app.toString())
                    .isEqualTo("[reference(" + APP_IDENTITY + ", '2024-11-30').clientId]");
            assertThat(props.path("virtualNetworkSubnetId").asText()).as("%s VNet integration", app).contains("variables('appSubnetName')");
            assertThat(config.path("minTlsVersion").asText()).as("%s minTlsVersion", app).isIn("1.2", "1.3");
            assertThat(config.path("scmMinTlsVersion").asText()).as("%s scmMinTlsVersion", app).isIn("1.2", "1.3");
            assertThat(config.path("ftpsState").asText()).as("%s ftpsState", app).isEqualTo("Disabled");
            assertThat(config.path("alwaysOn").asBoolean(false)).as("%s alwaysOn", app).isTrue();
            assertThat(config.path("healthCheckPath").asText()).as("%s healthCheckPath", app).isEqualTo("/health/ready");
            assertThat(config.path("acrUseManagedIdentityCreds").asBoolean(false)).as("%s pulls with its identity", app).isTrue();
            assertThat(config.path("linuxFxVersion").asText()).as(app.toString()).startsWith("[format('DOCKER|");
            // Basic-auth publishing (FTP, Kudu password) is off for both.
            List<String> basicAuth = new ArrayList<>();
            for (JsonNode child : app.node().path("resources")) {
                if (child.path("type").asText().equals("basicPublishingCredentialsPolicies") && !child.path("properties").path("allow").asBoolean(true)) {
                    basicAuth.add(child.path("name").asText());
                }
            }
            assertThat(basicAuth).as("%s basic publishing credentials disabled", app).containsExactlyInAnyOrder("ftp", "scm");
            boolean containerLogs = false;
            for (JsonNode child : app.node().path("resources")) {
                containerLogs |= child.path("type").asText().equals("config") && child.path("name").asText().equals("logs")
                        && child.path("properties").path("httpLogs").path("fileSystem").path("enabled").asBoolean(false);
            }
            assertThat(containerLogs).as("%s keeps container output for the log stream", app).isTrue();
        }
        assertThat(site.properties().path("siteConfig").path("linuxFxVersion").asText()).contains("parameters('appImageTag')");
        assertThat(slot.properties().path("siteConfig").path("linuxFxVersion").asText()).contains("parameters('stagingImageTag')");
        assertThat(template.single("Microsoft.Web/serverfarms").node().path("kind").asText()).isEqualTo("linux");
        assertThat(template.single("Microsoft.Web/serverfarms").properties().path("reserved").asBoolean(false)).isTrue();
    }

    @Test
    void productionSlotOnlyAcceptsThisFrontDoor() {
        JsonNode config = template.single("Microsoft.Web/sites").properties().path("siteConfig");
        assertThat(config.path("ipSecurityRestrictionsDefaultAction").asText()).isEqualTo("Deny");
        JsonNode rule = config.path("ipSecurityRestrictions").path(0);
        assertThat(rule.path("action").asText()).isEqualTo("Allow");
        assertThat(rule.path("tag").asText()).isEqualTo("ServiceTag");
        assertThat(rule.path("ipAddress").asText()).isEqualTo("AzureFrontDoor.Backend");
        assertThat(rule.path("headers").path("x-azure-fdid").path(0).asText()).contains("Microsoft.Cdn/profiles").endsWith(".frontDoorId]");
    }

    @Test
    void appSettingsTakeSecretsFromKeyVaultReferences() {
        JsonNode common = template.variables().path("appSettingsCommon");
        for (Resource app : List.of(template.single("Microsoft.Web/sites"), template.single("Microsoft.Web/sites/slots"))) {
            String settings = app.properties().path("siteConfig").path("appSettings").asText();
            assertThat(settings).as("%s app settings", app).startsWith("[concat(variables('appSettingsCommon')");
            assertThat(settings).as(app.toString()).contains("'APPLICATIONINSIGHTS_CONNECTION_STRING'", ".ConnectionString").contains("'APP_VERSION'");
            for (String name : SECRET_SETTINGS) {
                assertThat(template.appSetting(app, name)).as("%s %s", app, name).isNotNull();
            }
        }
        assertThat(ArmTemplate.setting(common, "WEBSITES_PORT")).isEqualTo("9080");
        assertThat(ArmTemplate.setting(common, "PORT")).isEqualTo("9080");
        assertThat(ArmTemplate.setting(common, "WEBSITE_SWAP_WARMUP_PING_PATH")).isEqualTo("/health/ready");
        Set<String> secretNames = new LinkedHashSet<>();
        template.variables().path("secretNames").forEach(n -> secretNames.add(n.asText()));
        for (String name : SECRET_SETTINGS) {
            String value = ArmTemplate.setting(common, name);
            assertThat(value).as(name).isNotNull();
            assertThat(ArmTemplate.isExpression(value)).as("%s must be one whole ARM expression: %s", name, value).isTrue();
            assertThat(value).as(name).startsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', variables('keyVaultName'), variables('secretNames').");
        }
        assertThat(ArmTemplate.setting(common, "SMTP_PASS")).as("SMTP_PASS only with an SMTP user")
                .startsWith("[if(empty(parameters('smtpUser')), '', format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', variables('keyVaultName'), variables('secretNames').smtpPassword))]");
        // A Key Vault reference inside a literal string is never evaluated: every occurrence must be a whole expression.
        List<String> literal = new ArrayList<>();
        ArmTemplate.forEachString(template.root(), "", (pointer, value) -> {
            if (value.contains("@Microsoft.KeyVault(") && !ArmTemplate.isExpression(value)) {
                literal.add(pointer + " = " + value);
            }
        });
        assertThat(literal).isEmpty();
        // Every referenced secret is one the template can write.
        Set<String> written = new LinkedHashSet<>();
        template.ofType("Microsoft.KeyVault/vaults/secrets").forEach(s -> {
            Matcher m = Pattern.compile("secretNames'\\)\\.(\\w+)").matcher(s.name());
            if (m.find()) {
                written.add(template.variables().path("secretNames").path(m.group(1)).asText());
            }
        });
        assertThat(written).containsAll(secretNames);
        // Application Insights: the connection string, never the instrumentation key.
        assertThat(template.text()).doesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY").doesNotContain(".InstrumentationKey");
    }

    @Test
    void keyVaultUsesRbacAndHoldsTheApplicationSecrets() {
        JsonNode vault = template.single("Microsoft.KeyVault/vaults").properties();
        assertThat(vault.path("enableRbacAuthorization").asBoolean(false)).isTrue();
        assertThat(vault.path("accessPolicies").size()).isZero();
        assertThat(vault.path("enableSoftDelete").asBoolean(false)).isTrue();
        Map<String, String> valueBySecret = new TreeMap<>();
        for (Resource secret : template.ofType("Microsoft.KeyVault/vaults/secrets")) {
            Matcher m = Pattern.compile("secretNames'\\)\\.(\\w+)").matcher(secret.name());
            assertThat(m.find()).as(secret.toString()).isTrue();
            valueBySecret.put(template.variables().path("secretNames").path(m.group(1)).asText(), secret.properties().path("value").asText());
        }
        assertThat(valueBySecret).containsOnlyKeys("jwt-secret", "jwt-refresh-secret", "encryption-key", "backup-encryption-key", "db-password",
                "db-app-password", "database-url", "database-migration-url", "smtp-password");
        assertThat(valueBySecret.get("jwt-secret")).isEqualTo("[parameters('jwtSecret')]");
        assertThat(valueBySecret.get("jwt-refresh-secret")).isEqualTo("[parameters('jwtRefreshSecret')]");
        assertThat(valueBySecret.get("encryption-key")).isEqualTo("[parameters('encryptionKey')]");
        assertThat(valueBySecret.get("db-password")).isEqualTo("[parameters('postgresAdminPassword')]");
        assertThat(valueBySecret.get("backup-encryption-key")).isEqualTo("[parameters('backupEncryptionKey')]");
        assertThat(valueBySecret.get("db-app-password")).isEqualTo("[parameters('databaseAppPassword')]");
    }

    @Test
    void theAppIdentityGetsSecretsImagePullAndBlobRoles() {
        Map<String, List<String>> principalsByRole = new TreeMap<>();
        for (Resource assignment : template.ofType("Microsoft.Authorization/roleAssignments")) {
            String role = assignment.properties().path("roleDefinitionId").asText();
            String roleId = template.variables().path("roles").path(role.replaceAll(".*variables\\('roles'\\)\\.(\\w+).*", "$1")).asText(role);
            String principal = assignment.properties().path("principalId").asText();
            assertThat(assignment.properties().path("principalType").asText()).isEqualTo("ServicePrincipal");
            assertThat(assignment.node().path("scope").asText()).as(assignment.toString()).isNotEmpty();
            String who = principal.equals("[reference(" + APP_IDENTITY + ", '2024-11-30').principalId]") ? "app identity" : principal;
            principalsByRole.computeIfAbsent(roleId.replaceAll(".*'([0-9a-f-]{36})'.*", "$1"), k -> new ArrayList<>()).add(who);
        }
        assertThat(principalsByRole.get(KEY_VAULT_SECRETS_USER)).as("Key Vault Secrets User").containsExactly("app identity");
        assertThat(principalsByRole.get(ACR_PULL)).as("AcrPull").containsExactly("app identity");
        assertThat(principalsByRole.get(STORAGE_BLOB_DATA_CONTRIBUTOR)).as("Storage Blob Data Contributor").containsExactly("app identity");
    }

    @Test
    void postgresIsAPrivateFlexibleServerWithTlsBackupsAndOptionalHighAvailability() {
        Resource server = template.single("Microsoft.DBforPostgreSQL/flexibleServers");
        JsonNode props = server.properties();
        assertThat(props.path("backup").path("backupRetentionDays").asText()).isEqualTo("[parameters('postgresBackupRetentionDays')]");
        assertThat(props.path("backup").path("geoRedundantBackup").asText()).isEqualTo("[parameters('postgresGeoRedundantBackup')]");
        assertThat(props.path("highAvailability").path("mode").asText()).isEqualTo("[parameters('postgresHighAvailabilityMode')]");
        assertThat(allowedValues("postgresHighAvailabilityMode")).contains("ZoneRedundant", "Disabled");
        assertThat(allowedValues("postgresGeoRedundantBackup")).containsExactlyInAnyOrder("Enabled", "Disabled");
        assertThat(props.path("network").path("publicNetworkAccess").asText()).isEqualTo("Disabled");
        assertThat(props.path("network").path("delegatedSubnetResourceId").asText()).contains("variables('postgresSubnetName')");
        assertThat(props.path("network").path("privateDnsZoneArmResourceId").asText()).contains("Microsoft.Network/privateDnsZones");
        assertThat(variable("postgresPrivateDnsZoneName")).contains(".postgres.database.azure.com'");
        assertThat(server.node().path("sku").path("tier").asText()).isEqualTo("[parameters('postgresSkuTier')]");

        List<Resource> configurations = template.ofType("Microsoft.DBforPostgreSQL/flexibleServers/configurations");
        Resource tls = configurations.stream().filter(c -> c.name().contains("'require_secure_transport'"))
                .findFirst().orElseThrow();
        assertThat(tls.properties().path("value").asText()).isEqualTo("on");

        assertThat(template.single("Microsoft.DBforPostgreSQL/flexibleServers/databases").name()).contains("parameters('databaseName')");

        boolean delegated = false;
        for (JsonNode subnet : template.single("Microsoft.Network/virtualNetworks").properties().path("subnets")) {
            if (subnet.path("name").asText().equals("[variables('postgresSubnetName')]")) {
                delegated = subnet.path("properties").path("delegations").path(0).path("properties").path("serviceName").asText()
                        .equals("Microsoft.DBforPostgreSQL/flexibleServers");
            }
        }
        assertThat(delegated).as("PostgreSQL subnet delegated to Flexible Server").isTrue();
        Resource postgresZoneLink = template.ofType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").stream()
                .filter(l -> l.name().contains("variables('postgresPrivateDnsZoneName')")).findFirst().orElseThrow();
        assertThat(postgresZoneLink.properties().path("virtualNetwork").path("id").asText()).contains("Microsoft.Network/virtualNetworks");
    }

    /** Issue 11, point 5 (ADR 0031): Azure Managed Redis, one endpoint for Jedis, TLS on port 10000, Entra only. */
    @Test
    void redisIsAzureManagedRedisWithOneTlsEndpointAndEntraSignIn() {
        assertThat(template.ofType("Microsoft.Cache/redis")).as("Azure Cache for Redis tiers retire; ADR 0031").isEmpty();
        Resource cluster = template.single("Microsoft.Cache/redisEnterprise");
        assertThat(cluster.properties().path("minimumTlsVersion").asText()).isEqualTo("1.2");
        assertThat(cluster.properties().path("publicNetworkAccess").asText()).isEqualTo("Disabled");
        assertThat(cluster.node().path("sku").path("name").asText()).isEqualTo("[parameters('redisSkuName')]");
        assertThat(allowedValues("redisSkuName")).allMatch(sku -> sku.matches("(Balanced|MemoryOptimized|ComputeOptimized)_[A-Z]\\d+"));

        JsonNode database = template.single("Microsoft.Cache/redisEnterprise/databases").properties();
        assertThat(database.path("clusteringPolicy").asText()).as("one endpoint for a client that is not cluster-aware")
                .isIn("EnterpriseCluster", "NoCluster");
        assertThat(database.path("clientProtocol").asText()).isEqualTo("Encrypted");
        assertThat(database.path("port").asText()).isEqualTo("[variables('redisPort')]");
        assertThat(template.variables().path("redisPort").asInt()).isEqualTo(10000);
        assertThat(database.path("accessKeysAuthentication").asText()).as("no keys: Entra identities only").isEqualTo("Disabled");

        JsonNode assignment = template.single("Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments").properties();
        assertThat(assignment.path("accessPolicyName").asText()).isEqualTo("default");
        assertThat(assignment.path("user").path("objectId").asText()).isEqualTo("[reference(" + APP_IDENTITY + ", '2024-11-30').principalId]");

        for (Resource app : List.of(template.single("Microsoft.Web/sites"), template.single("Microsoft.Web/sites/slots"))) {
            assertThat(template.appSetting(app, "REDIS_URL")).as(app.toString())
                    .isEqualTo("format('rediss://{0}:{1}', reference(resourceId('Microsoft.Cache/redisEnterprise', variables('redisName')), '2025-07-01').hostName, variables('redisPort'))");
            assertThat(template.appSetting(app, "REDIS_AUTH")).isEqualTo("entra");
            assertThat(template.appSetting(app, "AZURE_CLIENT_ID")).as("DefaultAzureCredential picks the user-assigned identity")
                    .isEqualTo("reference(" + APP_IDENTITY + ", '2024-11-30').clientId");
        }
        assertThat(template.root().path("metadata").path("decisions").path("redis").asText()).contains("Azure Managed Redis", "0031");
    }

    @Test
    void storageIsPrivateVersionedAndExpiresBackupsAfterTheRetention() {
        JsonNode account = template.single("Microsoft.Storage/storageAccounts").properties();
        assertThat(account.path("allowBlobPublicAccess").asBoolean(true)).isFalse();
        assertThat(account.path("minimumTlsVersion").asText()).isEqualTo("TLS1_2");
        assertThat(account.path("supportsHttpsTrafficOnly").asBoolean(false)).isTrue();

        Resource blob = template.single("Microsoft.Storage/storageAccounts/blobServices");
        assertThat(blob.name()).endsWith("/default', variables('storageName'))]");
        assertThat(blob.properties().path("isVersioningEnabled").asBoolean(false)).isTrue();
        assertThat(blob.properties().path("deleteRetentionPolicy").path("enabled").asBoolean(false)).isTrue();
        assertThat(blob.properties().path("containerDeleteRetentionPolicy").path("enabled").asBoolean(false)).isTrue();

        Map<String, String> access = new TreeMap<>();
        template.ofType("Microsoft.Storage/storageAccounts/blobServices/containers").forEach(c ->
                access.put(c.name().replaceAll(".*/default/([a-z0-9-]+)'.*", "$1"), c.properties().path("publicAccess").asText()));
        assertThat(access).containsEntry("uploads", "None").containsEntry("backups", "None");
        assertThat(variable("uploadsContainer")).isEqualTo("uploads");
        assertThat(variable("backupsContainer")).isEqualTo("backups");

        Resource lifecycle = template.single("Microsoft.Storage/storageAccounts/managementPolicies");
        assertThat(lifecycle.name()).endsWith("/default', variables('storageName'))]");
        JsonNode rule = lifecycle.properties().path("policy").path("rules").path(0).path("definition");
        assertThat(rule.path("filters").path("prefixMatch").path(0).asText()).contains("variables('backupsContainer')");
        assertThat(rule.path("actions").path("baseBlob").path("delete").path("daysAfterModificationGreaterThan").asText())
                .isEqualTo("[parameters('backupRetentionDays')]");
        assertThat(rule.path("actions").path("version").path("delete").path("daysAfterCreationGreaterThan").asText())
                .isEqualTo("[parameters('backupRetentionDays')]");
        // The backup job is told the same retention.
        assertThat(ArmTemplate.setting(template.variables().path("appSettingsCommon"), "BACKUP_RETENTION_DAYS"))
                .isEqualTo("[string(parameters('backupRetentionDays'))]");
    }

    @Test
    void autoscaleHasPairedRulesOnCpuAndHttpQueueLength() {
        JsonNode profile = template.single("Microsoft.Insights/autoscalesettings").properties().path("profiles").path(0);
        for (String bound : List.of("minimum", "maximum", "default")) {
            JsonNode value = profile.path("capacity").path(bound);
            assertThat(value.isTextual()).as("capacity.%s must be a string", bound).isTrue();
            assertThat(value.asText()).as("capacity.%s", bound).startsWith("[string(parameters(");
        }
        Map<String, Set<String>> directionsByMetric = new TreeMap<>();
        for (JsonNode rule : profile.path("rules")) {
            String metric = rule.path("metricTrigger").path("metricName").asText();
            String direction = rule.path("scaleAction").path("direction").asText();
            String operator = rule.path("metricTrigger").path("operator").asText();
            assertThat(operator).as("%s %s", metric, direction).isEqualTo(direction.equals("Increase") ? "GreaterThan" : "LessThan");
            directionsByMetric.computeIfAbsent(metric, k -> new LinkedHashSet<>()).add(direction);
        }
        assertThat(directionsByMetric).containsEntry("CpuPercentage", Set.of("Increase", "Decrease"))
                .containsEntry("HttpQueueLength", Set.of("Increase", "Decrease"));
        assertThat(defaultInt("cpuScaleInPercent")).isLessThan(defaultInt("cpuScaleOutPercent"));
        assertThat(defaultInt("httpQueueScaleInLength")).isLessThan(defaultInt("httpQueueScaleOutLength"));
    }

    @Test
    void frontDoorWithWafSitsInFrontOfTheApp() {
        Resource profile = template.single("Microsoft.Cdn/profiles");
        Resource waf = template.single("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
        assertThat(waf.node().path("sku").path("name").asText()).as("WAF SKU equals the profile's")
                .isEqualTo(profile.node().path("sku").path("name").asText());
        assertThat(allowedValues("frontDoorSkuName")).containsExactlyInAnyOrder("Standard_AzureFrontDoor", "Premium_AzureFrontDoor");
        assertThat(waf.properties().path("policySettings").path("enabledState").asText()).isEqualTo("Enabled");
        assertThat(waf.properties().path("managedRules").asText()).contains("Premium_AzureFrontDoor", "Microsoft_DefaultRuleSet");
        // WAF policy names: letters and digits only, starting with a letter.
        assertThat(variable("wafPolicyName")).isEqualTo("[format('waf{0}{1}', variables('prefix'), variables('envShort'))]");
        assertThat(template.parameters().path("namePrefix").path("defaultValue").asText()).matches("[a-z][a-z0-9]*");

        String policy = template.single("Microsoft.Cdn/profiles/securityPolicies").properties().path("parameters").asText();
        assertThat(policy).contains("'WebApplicationFirewall'", "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "Microsoft.Cdn/profiles/afdEndpoints", "'/*'");

        JsonNode probe = template.single("Microsoft.Cdn/profiles/originGroups").properties().path("healthProbeSettings");
        assertThat(probe.path("probePath").asText()).as("a cheap liveness route, not the readiness checks").isEqualTo("/health/live");
        assertThat(probe.path("probeProtocol").asText()).isEqualTo("Https");
        JsonNode origin = template.single("Microsoft.Cdn/profiles/originGroups/origins").properties();
        assertThat(origin.path("hostName").asText()).contains("Microsoft.Web/sites").endsWith(".defaultHostName]");
        JsonNode route = template.single("Microsoft.Cdn/profiles/afdEndpoints/routes").properties();
        assertThat(route.path("forwardingProtocol").asText()).isEqualTo("HttpsOnly");
        assertThat(route.path("httpsRedirect").asText()).isEqualTo("Enabled");
        assertThat(route.path("patternsToMatch").path(0).asText()).isEqualTo("/*");
    }

    @Test
    void dnsRecordPointsAtTheFrontDoorEndpoint() {
        Resource cname = template.single("Microsoft.Network/dnsZones/CNAME");
        assertThat(cname.properties().path("CNAMERecord").path("cname").asText()).contains("Microsoft.Cdn/profiles/afdEndpoints").endsWith(".hostName]");
        assertThat(cname.name()).contains("parameters('dnsZoneName')", "parameters('dnsRecordName')");
        Resource txt = template.single("Microsoft.Network/dnsZones/TXT");
        assertThat(txt.name()).contains("_dnsauth.");
        assertThat(txt.properties().toString()).contains("validationProperties.validationToken");
        Resource domain = template.single("Microsoft.Cdn/profiles/customDomains");
        assertThat(domain.properties().path("tlsSettings").path("certificateType").asText()).isEqualTo("ManagedCertificate");
        assertThat(domain.properties().path("tlsSettings").path("minimumTlsVersion").asText()).isEqualTo("TLS12");
    }

    @Test
    void alertsCoverErrorsLatencyLoginsBackupsAndTheBackingServicesAndAllReachTheActionGroup() {
        assertThat(template.single("Microsoft.Insights/actionGroups").node().path("location").asText()).isEqualTo("global");
        List<String> covered = new ArrayList<>();
        for (Resource alert : template.ofType("Microsoft.Insights/metricAlerts")) {
            assertThat(alert.node().path("location").asText()).as(alert.toString()).isEqualTo("global");
            assertThat(alert.properties().path("actions").path(0).path("actionGroupId").asText()).as(alert.toString()).contains("Microsoft.Insights/actionGroups");
            alert.properties().path("criteria").path("allOf").forEach(c -> covered.add(c.path("metricNamespace").asText() + ":" + c.path("metricName").asText()));
        }
        for (Resource alert : template.ofType("Microsoft.Insights/scheduledQueryRules")) {
            assertThat(alert.node().path("location").asText()).as(alert.toString()).isEqualTo("[parameters('location')]");
            assertThat(alert.properties().path("actions").path("actionGroups").path(0).asText()).as(alert.toString()).contains("Microsoft.Insights/actionGroups");
            assertThat(alert.properties().path("scopes").path(0).asText()).as(alert.toString()).contains("Microsoft.Insights/components");
            String query = alert.properties().path("criteria").path("allOf").path(0).path("query").asText();
            assertThat(ArmTemplate.isExpression(query) || !query.contains("parameters(")).as(alert.toString()).isTrue();
            if (query.contains("percentile(duration, 95)")) {
                covered.add("p95");
            }
            if (query.contains("\"security_events\"") && query.contains("\"login_failed\"")) {
                covered.add("failed-logins");
            }
            if (query.contains("\"backup_last_success_age_seconds\"")) {
                covered.add("backup-age");
            }
            if (query.contains("\"outbox_oldest_pending_age_seconds\"") && query.contains("\"outbox_dead\"")) {
                covered.add("outbox-stalled");
            }
        }
        assertThat(covered).contains("Microsoft.Web/sites:Http5xx", "p95", "failed-logins", "backup-age", "outbox-stalled",
                "Microsoft.DBforPostgreSQL/flexibleServers:cpu_percent", "Microsoft.DBforPostgreSQL/flexibleServers:storage_percent",
                "Microsoft.Cache/redisEnterprise:usedmemorypercentage", "Microsoft.Cdn/profiles:OriginHealthPercentage");
    }

    @Test
    void applicationInsightsIsWorkspaceBased() {
        JsonNode insights = template.single("Microsoft.Insights/components").properties();
        assertThat(insights.path("WorkspaceResourceId").asText()).contains("Microsoft.OperationalInsights/workspaces");
        assertThat(insights.path("IngestionMode").asText()).isEqualTo("LogAnalytics");
    }

    @Test
    void parameterFilesSetOnlyDeclaredParametersWithAllowedValuesAndNoSecrets() {
        for (String environment : List.of("staging", "production")) {
            JsonNode values = ArmTemplate.readJson(ProjectLayout.armParameters(environment)).path("parameters");
            List<String> problems = new ArrayList<>();
            values.properties().forEach(entry -> {
                String name = entry.getKey();
                JsonNode declared = template.parameters().path(name);
                JsonNode value = entry.getValue().path("value");
                if (declared.isMissingNode()) {
                    problems.add(name + " is not a template parameter");
                    return;
                }
                if (declared.path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                    problems.add(name + " is a secret: pass it at deployment time, never in a file");
                }
                if (declared.has("allowedValues") && !contains(declared.path("allowedValues"), value)) {
                    problems.add(name + " = " + value + " not in " + declared.path("allowedValues"));
                }
                if (declared.has("minValue") && value.asInt() < declared.path("minValue").asInt()) {
                    problems.add(name + " below minValue");
                }
                if (declared.has("maxValue") && value.asInt() > declared.path("maxValue").asInt()) {
                    problems.add(name + " above maxValue");
                }
                String type = declared.path("type").asText();
                if ((type.equals("int") && !value.isInt()) || (type.equals("bool") && !value.isBoolean()) || (type.equals("string") && !value.isTextual())) {
                    problems.add(name + " = " + value + " is not a " + type);
                }
            });
            // Parameters without a default must be provided by the file or at deployment time (the pipeline passes the image tags).
            template.parameters().properties().forEach(p -> {
                boolean required = !p.getValue().has("defaultValue");
                if (required && !values.has(p.getKey()) && !List.of("appImageTag").contains(p.getKey())) {
                    problems.add(p.getKey() + " has no default and is not set");
                }
            });
            // High availability does not exist on Burstable.
            if (!"Disabled".equals(values.path("postgresHighAvailabilityMode").path("value").asText("Disabled"))) {
                if ("Burstable".equals(values.path("postgresSkuTier").path("value").asText())) {
                    problems.add("high availability on a Burstable server");
                }
            }
            assertThat(problems).as(environment).isEmpty();
            assertThat(values.path("environmentName").path("value").asText()).isEqualTo(environment);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Secret-like names: a word password/secret/token/credential, or a name ending in Key (encryptionKey, apiKey). */
    static boolean isSecretName(String name) {
        String[] words = name.split("(?<=[a-z0-9])(?=[A-Z])|[_\\-.]");
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.equals("password") || w.equals("secret") || w.equals("token") || w.equals("credential") || w.equals("credentials") || w.equals("connectionstring")) {
                return true;
            }
        }
        return words.length > 0 && words[words.length - 1].equalsIgnoreCase("key");
    }

    private List<JsonNode> allTemplates() {
        List<JsonNode> all = new ArrayList<>();
        all.add(template.root());
        all.addAll(template.nestedTemplates().stream()
                .filter(t -> t.path("parameters").size() > 0)
                .toList());
        return all;
    }

    /** The template text minus its parameters section, so a parameter's own declaration never counts as a use. */
    private static String withoutParameterDeclarations(JsonNode tpl) {
        JsonNode copy = tpl.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("parameters");
        StringBuilder text = new StringBuilder(copy.toString());
        // Defaults may use other parameters (stagingImageTag defaults to appImageTag): keep those uses.
        tpl.path("parameters").forEach(p -> text.append(p.path("defaultValue").toString()));
        return text.toString();
    }

    private String variable(String name) {
        JsonNode value = template.variables().path(name);
        if (value.isMissingNode()) {
            fail("No variable " + name);
        }
        return value.asText();
    }

    private List<String> allowedValues(String parameter) {
        List<String> values = new ArrayList<>();
        template.parameters().path(parameter).path("allowedValues").forEach(v -> values.add(v.asText()));
        return values;
    }

    private int defaultInt(String parameter) {
        return template.parameters().path(parameter).path("defaultValue").asInt();
    }

    private static Set<String> lowerNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(n -> names.add(n.toLowerCase(Locale.ROOT)));
        return names;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> allowList(String... typeAndVersion) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < typeAndVersion.length; i += 2) {
            map.put(typeAndVersion[i].toLowerCase(Locale.ROOT), typeAndVersion[i + 1]);
        }
        return map;
    }
}
