package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 15.8: links leave the application on its public address, never on the Host a request came with. */
class PublicLinksTest {

  private static PublicLinks links(String configured) {
    PublicLinks links = new PublicLinks();
    links.configured = Optional.ofNullable(configured);
    links.port = "9080";
    return links;
  }

  @AfterEach
  void forgetTheRequest() {
    PublicLinks.clearRequestRoot();
  }

  @Test
  void theConfiguredAddressWinsOverTheRequestsHost() {
    PublicLinks.bindRequestRoot(URI.create("http://mechanics-prod.azurewebsites.net/"));
    assertThat(links("https://shop.example.com").api("approvals", "abc.DEF_-1"))
        .isEqualTo("https://shop.example.com/api/v1/approvals/abc.DEF_-1");
    assertThat(links("https://shop.example.com/").page("invitations", "t"))
        .isEqualTo("https://shop.example.com/invitations/t");
  }

  @Test
  void withoutItTheRequestsAddressThenLocalhost() {
    assertThat(links(null).api("x")).isEqualTo("http://localhost:9080/api/v1/x");
    PublicLinks.bindRequestRoot(PublicLinks.rootOf(URI.create("http://localhost:9681/api/v1/")));
    assertThat(links(" ").api("invitations", "t")).isEqualTo("http://localhost:9681/api/v1/invitations/t");
  }

  @Test
  void segmentsAreEncoded() {
    assertThat(links("https://shop.example.com").page("a b", "ü/?")).isEqualTo(
        "https://shop.example.com/a%20b/%C3%BC%2F%3F");
  }

  @Test
  void onlyAnAbsoluteHttpsAddressWillDoInProduction() {
    assertThat(PublicLinks.problem("https://shop.example.com", true)).isNull();
    assertThat(PublicLinks.problem("http://localhost:9080", false)).isNull();
    assertThat(PublicLinks.problem("http://shop.example.com", true)).contains("https");
    assertThat(PublicLinks.problem("shop.example.com", false)).contains("absolute");
    assertThat(PublicLinks.problem("https://shop.example.com/?a=b", false)).contains("query");
    assertThat(PublicLinks.problem("ht tp://x", false)).startsWith("PUBLIC_BASE_URL");
  }
}
