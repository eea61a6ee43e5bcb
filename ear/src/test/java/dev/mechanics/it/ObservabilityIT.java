package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mechanics.it.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservabilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> serverLog() throws Exception {
    Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    return Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        return null;
      }
    }).filter(n -> n != null).toList();
  }

  private static Optional<JsonNode> accessLine(String requestId) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<JsonNode> line = serverLog().stream()
          .filter(n -> requestId.equals(n.path("ext_requestId").asText()) && "access".equals(n.path("message").asText()))
          .findFirst();
      if (line.isPresent()) {
        return line;
      }
      Thread.sleep(250);
    }
    return Optional.empty();
  }

  @Test
  void everyRequestWritesOneStructuredAccessLineWithItsRequestId() throws Exception {
    Api.Tenant owner = Api.demoAs("OWNER");
    String requestId = "it-" + UUID.randomUUID();
    owner.request().header("X-Request-Id", requestId).header("User-Agent", "observability-it/1.0")
        .header("X-Forwarded-For", "203.0.113.7").queryParam("q", "+1 312 555 0141")
        .get("/shops/" + owner.shopId())
        .then().statusCode(200).header("X-Request-Id", equalTo(requestId));
    JsonNode line = accessLine(requestId).orElseThrow(() -> new AssertionError("no access line for " + requestId));
    assertThat(line.path("ext_method").asText()).isEqualTo("GET");
    assertThat(line.path("ext_path").asText()).isEqualTo("/api/v1/shops/" + owner.shopId());
    assertThat(line.path("ext_status").asText()).isEqualTo("200");
    assertThat(line.path("ext_durationMs").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(line.path("ext_userAgent").asText()).isEqualTo("observability-it/1.0");
    assertThat(line.path("ext_clientIp").asText()).isEqualTo("203.0.113.7");
    assertThat(line.path("ext_userId").asText()).isNotBlank();
    assertThat(line.path("ext_shopId").asText()).isEqualTo(owner.shopId());
    assertThat(line.path("ext_service").asText()).isEqualTo("mechanics");
    assertThat(line.path("ext_version").asText()).isNotBlank();
    assertThat(line.path("loglevel").asText()).isEqualTo("INFO");
    assertThat(line.path("ext_statements").asInt(-1)).as("the request's SQL statements").isBetween(1, 3);
    assertThat(line.toString()).doesNotContain("555 0141");
  }

  @Test
  void aGeneratedRequestIdIsReturnedAndInjectedIdsAreReplaced() {
    String generated = Api.anonymous().get("/health").then().statusCode(200).extract().header("X-Request-Id");
    assertThat(generated).isNotBlank();
    String injected = Api.anonymous().header("X-Request-Id", "bad id\" with spaces").get("/health")
        .then().extract().header("X-Request-Id");
    assertThat(injected).doesNotContain(" ").isNotEqualTo("bad id\" with spaces");
  }

  @Test
  void latencyIsMeasuredPerEndpointTemplateAndStatusClass() {
    Api.Tenant owner = Api.demoAs("OWNER");
    String customer = owner.createCustomer("Metric", "Templated");
    owner.request().get("/customers/" + customer).then().statusCode(200);
    owner.request().get("/customers/" + UUID.randomUUID()).then().statusCode(404);
    String metrics = Api.metrics("?scope=application");
    assertThat(metrics).contains("http_server_requests_seconds")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/customers/\\{id\\}\"[^}]*status=\"2xx\"")
        .containsPattern("route=\"/api/v1/customers/\\{id\\}\"[^}]*status=\"4xx\"")
        .doesNotContain(customer);
    assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{");
    // every bucket of microprofile-config.properties, 2.5 s too (Liberty ignores a fractional "2.5s")
    for (String le : new String[] {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0"}) {
      assertThat(metrics).as("bucket le=" + le)
          .containsPattern("http_server_requests_seconds_bucket\\{[^\n]*route=\"/api/v1/customers/\\{id\\}\""
              + "[^\n]*le=\"" + java.util.regex.Pattern.quote(le) + "\"");
    }
  }

  @Test
  void poolAndJvmMetricsAreExported() {
    String metrics = Api.metrics();
    assertThat(metrics).contains("jvm_").containsIgnoringCase("connectionpool");
  }
}
