package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test server allows CORS for https://app.example.com and https://admin.example.com only. */
class SecurityHeadersIT {

  private static void assertSecurityHeaders(Response r, String what) {
    assertThat(r.header("Strict-Transport-Security")).as(what).contains("max-age=");
    String csp = String.join(" | ", r.headers().getValues("Content-Security-Policy"));
    assertThat(csp).as(what).isNotBlank();
    // never framed: by the policy, or, where a page brings its own policy without frame-ancestors (Liberty's
    // Swagger UI), by X-Frame-Options, which browsers obey when no frame-ancestors directive is given
    if (!csp.contains("frame-ancestors 'none'")) {
      assertThat(csp).as(what).doesNotContain("frame-ancestors");
      assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    }
    assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
  }

  @Test
  void everyKindOfResponseCarriesTheSecurityHeaders() {
    Api.Tenant owner = Api.demoAs("OWNER");
    assertSecurityHeaders(owner.request().get("/me"), "API 200");
    assertSecurityHeaders(Api.anonymous().get("/me"), "API 401");
    assertSecurityHeaders(Api.anonymous().body("{bad").post("/auth/login"), "API 400");
    assertSecurityHeaders(Api.anonymous().get("/no-such-thing"), "API 404");
    assertSecurityHeaders(Api.anonymous().basePath("/").get("/health/ready"), "MP health");
    assertSecurityHeaders(Api.anonymous().basePath("/").redirects().follow(false).get("/metrics"), "metrics");
    assertSecurityHeaders(Api.anonymous().basePath("/").get("/openapi/ui/"), "Swagger UI");
    assertSecurityHeaders(Api.anonymous().basePath("/").get("/nothing-here"), "container 404");
    assertThat(owner.request().get("/me").headers().getValues("Content-Security-Policy"))
        .anyMatch(csp -> csp.startsWith("default-src 'none'"));
  }

  /** Issue 15.10: an API answer carries its own policy once, not server.xml's beside it. */
  @Test
  void anApiAnswerCarriesOneContentSecurityPolicy() {
    Api.Tenant owner = Api.demoAs("OWNER");
    for (Response r : List.of(owner.request().get("/me"), Api.anonymous().get("/me"),
        Api.anonymous().body("{bad").post("/auth/login"), Api.anonymous().get("/health"))) {
      assertThat(r.headers().getValues("Content-Security-Policy")).as(r.statusLine())
          .containsExactly("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
  }

  @Test
  void corsAnswersOnlyConfiguredOrigins() {
    Response preflight = Api.anonymous().header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization")
        .options("/customers");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

    Response evil = Api.anonymous().header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "POST").options("/customers");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.header("Access-Control-Allow-Origin")).isNull();

    Response simple = Api.demoAs("OWNER").request().header("Origin", "https://admin.example.com").get("/shops");
    assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.example.com");
    assertThat(simple.header("Access-Control-Expose-Headers")).contains("ETag");
    Response foreign = Api.demoAs("OWNER").request().header("Origin", "https://evil.example.com").get("/shops");
    assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
  }
}
