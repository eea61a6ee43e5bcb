package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How the server serves the web app (docs/ui.md): deep links answer the page with its strict policy and no
 * caching; the app's files and Lit are cached for a year under versioned addresses; everything else is as before.
 */
class SinglePageAppIT {

  private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private static Response page(String path) {
    return Api.anonymous().accept(HTML).get(Api.baseUrl() + path);
  }

  @Test
  void deepLinksAnswerThePageWithItsPolicyAndNoCaching() {
    for (String path : new String[] {"/", "/board", "/work-orders/new", "/work-orders/0193f1c2-7d4e-7c6a-9f00-000000000001",
        "/approvals/AZPxwn1Odz.Qm9vdHMgYW5kIGJyYWtlcw", "/invitations/abc.def", "/email-verifications/abc.def"}) {
      Response r = page(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.contentType()).as(path).startsWith("text/html");
      assertThat(r.header("Cache-Control")).as(path).isEqualTo("no-cache");
      assertThat(r.headers().getValues("Content-Security-Policy")).as(path).singleElement().asString()
          .contains("script-src 'self' 'sha256-").contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(r.asString()).contains("<script type=\"importmap\">").contains("<mechanics-app>");
    }
  }

  @Test
  void theApiAndLibertysRoutesAreUntouchedByThePage() {
    Response api = page("/api/v1/no-such-thing");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(page("/health").contentType()).startsWith("application/json");
    assertThat(page("/openapi").asString()).doesNotContain("<mechanics-app>");
    assertThat(page("/favicon.ico").statusCode()).isEqualTo(404);
    // a client that does not ask for HTML gets the API's 404 for an unknown path, as before
    Response json = Api.anonymous().accept("application/json").get(Api.baseUrl() + "/board");
    assertThat(json.statusCode()).isEqualTo(404);
  }

  @Test
  void theAppsFilesAndLitAreCachedForAYearUnderVersionedAddresses() {
    String html = page("/board").asString();
    Matcher app = Pattern.compile("/_app/([0-9a-f]{12})/main\\.js").matcher(html);
    assertThat(app.find()).isTrue();
    Response main = Api.anonymous().get(Api.baseUrl() + app.group());
    assertThat(main.statusCode()).isEqualTo(200);
    assertThat(main.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(main.asString()).contains("import");

    Matcher map = Pattern.compile("\"(/_static/[^\"]+\\.js)\"").matcher(html);
    int files = 0;
    while (map.find()) {
      files++;
      Response lib = Api.anonymous().get(Api.baseUrl() + map.group(1));
      assertThat(lib.statusCode()).as(map.group(1)).isEqualTo(200);
      assertThat(lib.header("Cache-Control")).as(map.group(1)).isEqualTo("public, max-age=31536000, immutable");
    }
    assertThat(files).as("the import map's files").isGreaterThanOrEqualTo(4);
  }
}
