package dev.mechanics.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.mechanics.it.support.Api;
import org.junit.jupiter.api.Test;

class HealthIT {

  @Test
  void microProfileHealthEndpointsAreUp() {
    for (String path : new String[] {"/health", "/health/live", "/health/ready", "/health/started"}) {
      Api.anonymous().basePath("/").get(path).then().statusCode(200).body("status", equalTo("UP"));
    }
    Api.anonymous().basePath("/").get("/health/ready").then()
        .body("checks.name", hasItem("database"))
        .body("checks.find { it.name == 'database' }.data.responseTimeMs", greaterThanOrEqualTo(0));
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
  void metricsAndOpenApiAreServed() {
    Api.anonymous().basePath("/").get("/metrics").then().statusCode(200)
        .body(containsString("jvm_"));
    Api.anonymous().basePath("/").accept("application/json").get("/openapi").then().statusCode(200)
        .body("paths.'/api/v1/customers'", notNullValue());
    Api.anonymous().basePath("/").get("/openapi/ui/").then().statusCode(200);
  }
}
