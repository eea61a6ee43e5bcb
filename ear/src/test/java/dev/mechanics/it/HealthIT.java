package dev.mechanics.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthIT {

  @Test
  void microProfileHealthEndpointsAreUp() {
    for (String path : new String[] {"/health", "/health/live", "/health/ready", "/health/started"}) {
      Api.anonymous().basePath("/").get(path).then().statusCode(200).body("status", equalTo("UP"));
    }
    Api.anonymous().basePath("/").get("/health/ready").then()
        .body("checks.name", hasItem("database"))
        .body("checks.find { it.name == 'database' }.data.responseTimeMs", greaterThanOrEqualTo(0))
        // ADR 0055: the schema is migrated and checked; Liberty's LTPA keys exist, so tokens can be accepted
        .body("checks.find { it.name == 'database-schema' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'database-schema' }.data.phase", equalTo("ready"))
        .body("checks.find { it.name == 'authentication' }.status", equalTo("UP"));
  }

  @Test
  void theSeedHealthDocumentReportsTheDatabase() {
    Api.anonymous().get("/health").then().statusCode(200)
        .body("status", equalTo("healthy"))
        .body("timestamp", notNullValue())
        .body("uptime", notNullValue())
        .body("version", notNullValue())
        .body("checks.database.status", equalTo("healthy"))
        .body("checks.database.responseTime", greaterThanOrEqualTo(0))
        .body("checks.redis.status", equalTo("healthy"))
        .body("checks.storage.status", equalTo("healthy"));
  }

  @Test
  void metricsReachTheScraperAndOpenApiIsServed() {
    assertThat(Api.metrics()).contains("jvm_");
    Api.anonymous().basePath("/").accept("application/json").get("/openapi").then().statusCode(200)
        .body("paths.'/api/v1/customers'", notNullValue());
    Api.anonymous().basePath("/").get("/openapi/ui/").then().statusCode(200);
  }

  /** Issue 15.4: the routed /metrics gives nobody the tenants' shop ids and volumes. */
  @Test
  void thePublicMetricsEndpointRefuses() {
    Response plain = Api.anonymous().basePath("/").redirects().follow(false).get("/metrics");
    assertThat(plain.statusCode()).as("plain HTTP, as Front Door routes it").isIn(302, 401, 403);
    assertThat(plain.asString()).doesNotContain("jvm_", "work_orders_created", "shop=");
    String scrape = Api.property("metrics.url");
    for (Response refused : List.of(given().relaxedHTTPSValidation().get(scrape),
        given().relaxedHTTPSValidation().auth().preemptive().basic(Api.property("metrics.user"), "guessed")
            .get(scrape))) {
      assertThat(refused.statusCode()).as("HTTPS without the scraper's password").isEqualTo(401);
      assertThat(refused.asString()).doesNotContain("jvm_", "shop=");
    }
  }

  /** Issue 15.10: the anonymous probe is answered from a result a few seconds old, not a probe per call. */
  @Test
  void theSeedHealthDocumentIsProbedAtMostOnceEveryFewSeconds() {
    String first = Api.anonymous().get("/health").then().statusCode(200).extract().path("timestamp");
    String second = Api.anonymous().get("/health").then().statusCode(200).extract().path("timestamp");
    String third = Api.anonymous().get("/health").then().statusCode(200).extract().path("timestamp");
    // two calls in a row may straddle the end of one interval, never of two
    assertThat(first.equals(second) || second.equals(third)).as(first + " " + second + " " + third).isTrue();
  }
}
