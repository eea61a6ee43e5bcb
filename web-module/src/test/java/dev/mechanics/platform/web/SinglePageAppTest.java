package dev.mechanics.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's Content-Security-Policy follows its inline import map, and the map names files that exist. */
class SinglePageAppTest {

  private static final Path PAGE = Path.of("src/main/webapp/index.html");
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>",
      Pattern.DOTALL);

  private static String importMap() throws Exception {
    Matcher m = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL)
        .matcher(Files.readString(PAGE));
    assertThat(m.find()).as("index.html has an inline import map").isTrue();
    return m.group(1);
  }

  @Test
  void thePolicyAllowsTheImportMapByItsHash() throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(importMap().getBytes(StandardCharsets.UTF_8));
    String source = "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
    assertThat(SinglePageApp.CSP)
        .as("SinglePageApp.CSP must carry the import map's hash: put %s in script-src", source)
        .contains(source);
  }

  @Test
  void thePolicyIsStrict() {
    assertThat(SinglePageApp.CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
        .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("base-uri 'none'")
        .startsWith("default-src 'none'");
  }

  @Test
  void theImportMapIsThePageOnlyInlineScript() throws Exception {
    Matcher m = INLINE_SCRIPT.matcher(Files.readString(PAGE));
    int count = 0;
    while (m.find()) {
      count++;
      assertThat(m.group()).startsWith("<script type=\"importmap\">");
    }
    assertThat(count).isEqualTo(1);
  }

  /** A version bump in the POM that the map missed fails here (the jars are on the test class path). */
  @Test
  void everyAddressOfTheImportMapIsAFileOfTheJars() throws Exception {
    // the map is flat: "name":"address" pairs inside "imports" (no JSON provider on the unit tests' class path)
    Matcher pair = Pattern.compile("\"([^\"]+)\":\"([^\"]+)\"").matcher(importMap());
    int count = 0;
    while (pair.find()) {
      count++;
      String name = pair.group(1);
      String address = pair.group(2);
      assertThat(address).startsWith("/_static/");
      // a folder mapping ("lit/") is checked through a file known to be in it
      String file = address.endsWith("/") ? address + folderProbe(name) : address;
      assertThat(getClass().getClassLoader().getResource("META-INF/resources" + file))
          .as("%s -> %s is in a jar", name, file).isNotNull();
    }
    assertThat(count).isEqualTo(8);
  }

  private static String folderProbe(String name) {
    return switch (name) {
      case "lit/" -> "directives/class-map.js";
      case "lit-html/" -> "directives/repeat.js";
      case "lit-element/" -> "lit-element.js";
      default -> "css-tag.js";
    };
  }

  @Test
  void deepLinksAreTheAppAndEverythingElseIsNot() {
    String html = "text/html,application/xhtml+xml,*/*;q=0.8";
    assertThat(SinglePageApp.isPageNavigation("/", html)).isTrue();
    assertThat(SinglePageApp.isPageNavigation("/board", html)).isTrue();
    assertThat(SinglePageApp.isPageNavigation("/work-orders/0193f1c2-7d4e", html)).isTrue();
    assertThat(SinglePageApp.isPageNavigation("/approvals/AZPxwn1Odz.Qm9vdHMgYW5kIGJyYWtlcw", html)).isTrue();
    assertThat(SinglePageApp.isPageNavigation("/invitations/abc", html)).isTrue();
    for (String path : new String[] {"/api/v1/me", "/_static/lit/3.3.3/index.js", "/openapi", "/openapi/ui",
        "/health", "/health/ready", "/metrics", "/app/main.js", "/favicon.ico"}) {
      assertThat(SinglePageApp.isPageNavigation(path, html)).as(path).isFalse();
    }
    assertThat(SinglePageApp.isPageNavigation("/board", "application/json")).isFalse();
    assertThat(SinglePageApp.isPageNavigation("/board", null)).isFalse();
  }
}
