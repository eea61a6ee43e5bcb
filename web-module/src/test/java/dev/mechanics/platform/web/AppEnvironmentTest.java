package dev.mechanics.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issues 15.1 and 15.8: production will not start without mail and its public address. */
class AppEnvironmentTest {

  @Test
  void productionNamesEveryMissingVariable() {
    assertThat(AppEnvironment.problems("production", null, null)).hasSize(2)
        .anyMatch(p -> p.startsWith("SMTP_HOST is required in production"))
        .anyMatch(p -> p.startsWith("PUBLIC_BASE_URL is required in production"));
    assertThat(AppEnvironment.problems("Production", " ", "http://shop.example.com")).hasSize(2)
        .anyMatch(p -> p.contains("https"));
    assertThat(AppEnvironment.problems("production", "smtp.example.com", "https://shop.example.com")).isEmpty();
  }

  @Test
  void theRunCommandAndTheTestsNeedNeither() {
    assertThat(AppEnvironment.problems(null, null, null)).isEmpty();
    assertThat(AppEnvironment.problems("development", null, "http://localhost:9080")).isEmpty();
  }

  @Test
  void anUnknownEnvironmentOrAnInvalidAddressStopsStartUpToo() {
    assertThat(AppEnvironment.problems("prod", "smtp.example.com", null)).singleElement().asString()
        .startsWith("APP_ENVIRONMENT");
    assertThat(AppEnvironment.problems(null, null, "not a url")).singleElement().asString()
        .startsWith("PUBLIC_BASE_URL");
  }
}
