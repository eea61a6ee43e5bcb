package dev.mechanics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.deploy.Dockerfile.Copy;
import dev.mechanics.deploy.Dockerfile.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Dockerfile, .dockerignore, docker/entrypoint.sh and docker-compose.yml, checked without a Docker engine.
 * Runs in the test phase, before packaging: COPY sources from target/ are checked against what the ear pom
 * declares; {@link ContainerImageIT} checks that they exist once `mvn package` has run.
 */
class ContainerFilesTest {

    private static final Pattern PINNED_LIBERTY = Pattern.compile(
            "icr\\.io/appcafe/open-liberty:(\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java17-openj9-ubi-minimal");

    private final Dockerfile dockerfile = Dockerfile.load(ProjectLayout.file("Dockerfile"));

    @Test
    void imageIsTheOfficialOpenLibertyImagePinnedToTheBuildsRuntimeVersion() {
        List<Instruction> from = dockerfile.all("FROM");
        assertThat(from).hasSize(1);
        Matcher m = PINNED_LIBERTY.matcher(from.get(0).arguments());
        assertThat(m.matches()).as("FROM %s: official image with a version tag", from.get(0).arguments()).isTrue();
        assertThat(m.group(1)).as("same Liberty as pom.xml liberty.runtime.version").isEqualTo(pomProperty("liberty.runtime.version"));
        assertThat(dockerfile.all("ARG")).as("no build argument can change the base image").isEmpty();
    }

    @Test
    void featuresAndConfigureScriptsRunInTheRightPlaces() {
        List<Instruction> runs = dockerfile.all("RUN");
        assertThat(runs.stream().map(Instruction::arguments)).containsExactly("features.sh", "configure.sh");
        int serverXml = indexOfCopy(c -> c.sources().contains("liberty-config/server.xml"));
        int ear = indexOfCopy(c -> c.sources().contains("ear/target/mechanics.ear"));
        int features = dockerfile.indexOf(runs.get(0));
        int configure = dockerfile.indexOf(runs.get(1));
        assertThat(serverXml).as("features.sh reads the features of server.xml").isLessThan(features);
        assertThat(features).isLessThan(ear);
        assertThat(ear).as("configure.sh runs after the application is in place").isLessThan(configure);
        assertThat(dockerfile.all("ADD")).as("ADD can download; everything comes from the build context").isEmpty();
    }

    @Test
    void runsAsNonRootWithAHealthCheckOnReadiness() {
        List<Instruction> users = dockerfile.all("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).arguments();
        assertThat(user).as("final USER").isNotIn("root", "0", "0:0").matches("\\d+(:\\d+)?");
        assertThat(dockerfile.indexOf(users.get(users.size() - 1)))
                .as("no RUN after USER")
                .isGreaterThan(dockerfile.indexOf(dockerfile.all("RUN").get(dockerfile.all("RUN").size() - 1)));

        List<Instruction> health = dockerfile.all("HEALTHCHECK");
        assertThat(health).hasSize(1);
        assertThat(health.get(0).arguments()).contains("CMD").contains("/health/ready").contains("--start-period=");

        assertThat(dockerfile.all("EXPOSE").get(0).arguments()).isEqualTo("9080");
        assertThat(dockerfile.text()).as("the frontend decision is written down").contains("no separate frontend image");
    }

    @Test
    void copiesTheServerConfigurationTheJdbcLibrariesTheAgentAndTheApplication() {
        Map<String, String> destinationBySource = new java.util.TreeMap<>();
        for (Copy copy : dockerfile.copies()) {
            assertThat(copy.flags()).as("COPY %s", copy.sources()).contains("--chown=1001:0");
            copy.sources().forEach(s -> destinationBySource.put(s, copy.destination()));
        }
        assertThat(destinationBySource)
                .containsEntry("liberty-config/server.xml", "/config/")
                .containsEntry("liberty-config/jvm.options", "/config/")
                .containsEntry("liberty-config/bootstrap.properties", "/config/")
                .containsEntry("ear/target/liberty/wlp/usr/shared/resources/jdbc/", "/opt/ol/wlp/usr/shared/resources/jdbc/")
                .containsEntry("ear/target/mechanics.ear", "/config/apps/mechanics.ear")
                .containsEntry("ear/target/agent/applicationinsights-agent.jar", "/opt/mechanics/agent/")
                .containsEntry("docker/applicationinsights.json", "/opt/mechanics/agent/")
                .containsEntry("docker/entrypoint.sh", "/opt/mechanics/entrypoint.sh")
                .containsEntry("docker/certs/azure-postgresql-roots.pem", "/opt/mechanics/certs/");
        // server.xml deploys exactly the file the image puts in /config/apps.
        assertThat(read(ProjectLayout.file("liberty-config/server.xml"))).contains("location=\"mechanics.ear\"");
        assertThat(dockerfile.all("ENTRYPOINT").get(0).arguments()).isEqualTo("[\"/opt/mechanics/entrypoint.sh\"]");
    }

    @Test
    void theImageKeepsResidentMemoryAsMeasured() {
        // the resident memory of docs/benchmarks.md (ADR 0052): two malloc arenas instead of 8 per core, a heap that
        // starts small and grows to its bound instead of being committed at the bound from the start
        assertThat(dockerfile.all("ENV").stream().map(Instruction::arguments)).contains("MALLOC_ARENA_MAX=2");
        List<String> options = read(ProjectLayout.file("liberty-config/jvm.options")).lines()
                .filter(line -> line.startsWith("-")).toList();
        assertThat(options).contains("-Xms64m", "-Xmx384m");
    }

    @Test
    void everyCopySourceIsARepositoryFileOrAnOutputOfTheBuild() {
        List<String> problems = new ArrayList<>();
        for (String source : dockerfile.contextSources()) {
            if (source.contains("/target/")) {
                if (!Dockerfile.BUILD_OUTPUTS.contains(source)) {
                    problems.add(source + " is not a known output of mvn package");
                }
            } else if (!Files.exists(ProjectLayout.file(source))) {
                problems.add(source + " does not exist in the repository");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theEarBuildDeclaresEveryOutputTheImageCopies() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ProjectLayout.file("ear/pom.xml").toFile());
        assertThat(text(pom, "finalName")).as("ear/target/mechanics.ear").contains("mechanics");
        assertThat(pom.getDocumentElement().getElementsByTagName("packaging").item(0).getTextContent()).isEqualTo("ear");

        Element copyDependencies = (Element) pom.getElementsByTagName("copyDependencies").item(0);
        assertThat(copyDependencies).as("liberty-maven-plugin copyDependencies").isNotNull();
        assertThat(copyDependencies.getElementsByTagName("location").item(0).getTextContent())
                .isEqualTo("${project.build.directory}/liberty/wlp/usr/shared/resources/jdbc");
        assertThat(copyDependencies.getTextContent()).contains("postgresql").contains("datasource-module");

        // ear/target/agent/applicationinsights-agent.jar: a maven-dependency-plugin copy of the agent.
        boolean agentCopied = false;
        NodeList items = pom.getElementsByTagName("artifactItem");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if ("applicationinsights-agent".equals(child(item, "artifactId"))) {
                String directory = child(item, "outputDirectory");
                String fileName = child(item, "destFileName");
                agentCopied = directory != null && directory.replace("${project.build.directory}", "ear/target").equals("ear/target/agent")
                        && "applicationinsights-agent.jar".equals(fileName);
            }
        }
        assertThat(agentCopied)
                .as("ear/pom.xml copies com.microsoft.azure:applicationinsights-agent to ${project.build.directory}/agent/applicationinsights-agent.jar")
                .isTrue();
    }

    @Test
    void dockerignoreLetsInExactlyWhatTheDockerfileCopies() {
        List<String> lines = read(ProjectLayout.file(".dockerignore")).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).as("exclude everything first").isEqualTo("*");
        Set<String> included = new LinkedHashSet<>();
        lines.stream().filter(l -> l.startsWith("!")).forEach(l -> included.add(l.substring(1)));
        assertThat(included).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(dockerfile.contextSources()));
    }

    @Test
    void entrypointLoadsTheApplicationInsightsAgentOnlyWithAConnectionString(@TempDir Path temp) throws Exception {
        Path liberty = temp.resolve("docker-server.sh");
        Files.writeString(liberty, "#!/bin/bash\necho \"JVM_ARGS=[${JVM_ARGS:-}] ARGS=[$*]\"\n");
        liberty.toFile().setExecutable(true);
        Path agent = Files.writeString(temp.resolve("agent.jar"), "not really a jar");

        String off = runEntrypoint(Map.of("LIBERTY_ENTRYPOINT", liberty.toString(), "APPLICATIONINSIGHTS_AGENT_JAR", agent.toString()));
        assertThat(off).contains("JVM_ARGS=[]").contains("ARGS=[/opt/ol/wlp/bin/server run defaultServer]");

        String on = runEntrypoint(Map.of("LIBERTY_ENTRYPOINT", liberty.toString(), "APPLICATIONINSIGHTS_AGENT_JAR", agent.toString(),
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000", "JVM_ARGS", "-Dkeep=me"));
        assertThat(on).contains("JVM_ARGS=[-Dkeep=me -javaagent:" + agent + "]");

        String empty = runEntrypoint(Map.of("LIBERTY_ENTRYPOINT", liberty.toString(), "APPLICATIONINSIGHTS_AGENT_JAR", agent.toString(),
                "APPLICATIONINSIGHTS_CONNECTION_STRING", ""));
        assertThat(empty).contains("JVM_ARGS=[]");

        assertThat(Files.isExecutable(ProjectLayout.file("docker/entrypoint.sh"))).isTrue();
        JsonNode agentConfig = ArmTemplate.readJson(ProjectLayout.file("docker/applicationinsights.json"));
        assertThat(agentConfig.path("sampling").path("overrides").toString()).as("health probes are not telemetry").contains("/health");
    }

    /** Without an LTPA keys password Liberty refuses every token (CWWKS4118E); the image has no server.env (ADR 0055). */
    @Test
    void entrypointGivesLibertyItsLtpaAndKeystorePasswordsUnlessThePlatformDoes(@TempDir Path temp) throws Exception {
        Path liberty = temp.resolve("docker-server.sh");
        Files.writeString(liberty, "#!/bin/bash\necho \"ltpa=[${ltpa_keys_password:-}] keystore=[${keystore_password:-}]\"\n");
        liberty.toFile().setExecutable(true);
        Path security = Files.createDirectories(temp.resolve("output/defaultServer/resources/security"));
        Files.writeString(security.resolve("ltpa.keys"), "encrypted with an earlier start's password");

        String generated = runEntrypoint(Map.of("LIBERTY_ENTRYPOINT", liberty.toString(), "WLP_OUTPUT_DIR", temp.resolve("output").toString()));
        assertThat(generated).containsPattern("ltpa=\\[[A-Za-z0-9+/=]{40,}\\]").containsPattern("keystore=\\[[A-Za-z0-9+/=]{40,}\\]");
        assertThat(security.resolve("ltpa.keys")).as("stale keys removed").doesNotExist();

        Files.writeString(security.resolve("ltpa.keys"), "encrypted with the platform's password");
        String given = runEntrypoint(Map.of("LIBERTY_ENTRYPOINT", liberty.toString(), "WLP_OUTPUT_DIR", temp.resolve("output").toString(),
                "ltpa_keys_password", "from-app-settings", "keystore_password", "also-given"));
        assertThat(given).contains("ltpa=[from-app-settings] keystore=[also-given]");
        assertThat(security.resolve("ltpa.keys")).as("kept: its password is the platform's").exists();
    }

    /** Issue 17, point 8: sslmode=verify-full needs the roots Azure's PostgreSQL certificates chain to, in the image. */
    @Test
    void theImageCarriesTheAzurePostgresRootsTheDatabaseUrlNames() throws Exception {
        Path pem = ProjectLayout.file("docker/certs/azure-postgresql-roots.pem");
        Map<String, String> fingerprintBySubject = new java.util.TreeMap<>();
        try (java.io.InputStream in = Files.newInputStream(pem)) {
            // the way pgjdbc's LibPQFactory reads sslrootcert
            for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                java.security.cert.X509Certificate x509 = (java.security.cert.X509Certificate) c;
                x509.checkValidity();
                String sha256 = java.util.HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
                fingerprintBySubject.put(x509.getSubjectX500Principal().getName(), sha256);
            }
        }
        assertThat(fingerprintBySubject).containsOnly(
                Map.entry("CN=DigiCert Global Root G2,OU=www.digicert.com,O=DigiCert Inc,C=US",
                        "CB:3C:CB:B7:60:31:E5:E0:13:8F:8D:D3:9A:23:F9:DE:47:FF:C3:5E:43:C1:14:4C:EA:27:D4:6A:5A:B1:CB:5F"),
                Map.entry("CN=Microsoft RSA Root Certificate Authority 2017,O=Microsoft Corporation,C=US",
                        "C7:41:F7:0F:4B:2A:8D:88:BF:2E:71:C1:41:22:EF:53:EF:10:EB:A0:CF:A5:E6:4C:FA:20:F4:18:85:30:73:E0"));
        // The image puts the file where the template's DATABASE_URL points.
        String path = ArmTemplate.load(ProjectLayout.armTemplate()).variables().path("postgresRootCertificates").asText();
        Copy copy = dockerfile.copies().stream().filter(c -> c.sources().contains("docker/certs/azure-postgresql-roots.pem")).findFirst().orElseThrow();
        assertThat(copy.destination() + "azure-postgresql-roots.pem").isEqualTo(path);
    }

    @Test
    void composeStartsTheAppAfterHealthyPostgresRedisAndAzurite() {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(ProjectLayout.file("docker-compose.yml")));
        JsonNode services = ArmTemplate.JSON.valueToTree(compose).path("services");
        assertThat(services.fieldNames()).toIterable().contains("app", "postgres", "redis", "azurite");
        for (String name : List.of("app", "postgres", "redis", "azurite")) {
            assertThat(services.path(name).path("healthcheck").path("test").size()).as("%s healthcheck", name).isPositive();
        }
        JsonNode app = services.path("app");
        assertThat(app.path("build").asText()).isEqualTo(".");
        for (String dependency : List.of("postgres", "redis", "azurite")) {
            assertThat(app.path("depends_on").path(dependency).path("condition").asText()).as("app depends on %s", dependency).isEqualTo("service_healthy");
        }
        assertThat(app.path("healthcheck").path("test").toString()).contains("/health/ready");
        assertThat(services.path("postgres").path("image").asText()).isEqualTo("postgres:17");
        assertThat(services.path("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(services.path("redis").path("image").asText()).isEqualTo("redis:7");
        assertThat(services.path("redis").path("healthcheck").path("test").toString()).contains("redis-cli").contains("ping");
        assertThat(services.path("azurite").path("image").asText()).matches("mcr\\.microsoft\\.com/azure-storage/azurite:\\d+\\.\\d+\\.\\d+");
        assertThat(services.path("azurite").path("command").toString()).contains("azurite-blob");

        JsonNode env = app.path("environment");
        assertThat(env.path("DATABASE_URL").asText()).startsWith("postgresql://").contains("@postgres:5432/");
        assertThat(env.path("REDIS_URL").asText()).startsWith("redis://redis:6379");
        assertThat(env.path("AZURE_STORAGE_CONNECTION_STRING").asText()).contains("BlobEndpoint=http://azurite:10000/");
        // An empty value counts as "present but invalid" for the application: pass-through entries have no value.
        List<String> empty = new ArrayList<>();
        env.properties().forEach(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().isEmpty()) {
                empty.add(e.getKey());
            }
        });
        assertThat(empty).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private int indexOfCopy(java.util.function.Predicate<Copy> which) {
        List<Instruction> copies = dockerfile.all("COPY");
        List<Copy> parsed = dockerfile.copies();
        for (int i = 0; i < parsed.size(); i++) {
            if (which.test(parsed.get(i))) {
                return dockerfile.indexOf(copies.get(i));
            }
        }
        throw new AssertionError("no such COPY");
    }

    private static String runEntrypoint(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", ProjectLayout.file("docker/entrypoint.sh").toString(),
                "/opt/ol/wlp/bin/server", "run", "defaultServer").redirectErrorStream(true);
        builder.environment().remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        builder.environment().remove("JVM_ARGS");
        builder.environment().remove("ltpa_keys_password");
        builder.environment().remove("keystore_password");
        builder.environment().remove("WLP_OUTPUT_DIR");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(read(ProjectLayout.file("pom.xml")));
        assertThat(m.find()).as("pom.xml property %s", name).isTrue();
        return m.group(1).strip();
    }

    private static String text(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static String child(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
