package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * Sign-in and the session in the browser (issue 13.1): a wrong password is a plain sentence; a reload keeps the
 * session through the HttpOnly cookie and script sees no token; sign-out ends it; an invited user sets a
 * password from the mailed link and is signed in.
 */
class SignInPageIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_.-]+)");

  @Test
  void aWrongPasswordIsASentenceAndAReloadKeepsTheSessionWithoutATokenInReachOfScript() {
    try (Browser browser = new Browser(Api.baseUrl(), "sign-in", Browser.Size.PHONE)) {
      browser.open("/board");
      browser.type("#email", "advisor@demo.mechanics.dev");
      browser.type("#password", "not the password");
      browser.click("button[type=submit]");
      browser.waitForText("The e-mail or the password is not right.");
      browser.check("sign-in-refused", "401");

      browser.signIn("/board", "advisor@demo.mechanics.dev", Api.DEMO_PASSWORD);
      Cookie cookie = browser.driver().manage().getCookieNamed("mechanics_refresh");
      assertThat(cookie).as("the refresh cookie is not sent to pages (its path is the session route)").isNull();
      assertThat(browser.js("return document.cookie")).isEqualTo("");
      assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
      assertThat((String) browser.js("return JSON.stringify(Object.assign({}, sessionStorage))"))
          .doesNotContain("eyJ");

      browser.open("/work-orders/new");
      browser.deep("#customer-search");
      assertThat(browser.path()).isEqualTo("/work-orders/new");

      browser.clickText("button", "Sign out");
      browser.deep("#email");
      browser.open("/board");
      browser.deep("#email");
      assertThat(browser.path()).isEqualTo("/sign-in");
      browser.assertNoConsoleErrors("signed-out");
    }
  }

  @Test
  void anInvitedAdvisorSetsAPasswordFromTheMailedLinkAndIsSignedIn() throws Exception {
    Api.Tenant owner = Api.demoAs("OWNER");
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "invited-" + unique + "@desk.example.com";
    owner.request().body(Map.of("email", email, "name", "Ines Invited",
        "memberships", List.of(Map.of("shopId", Api.demoAs("SERVICE_ADVISOR").shopId(), "role", "SERVICE_ADVISOR"))))
        .post("/users").then().statusCode(201);
    String link = null;
    for (int attempt = 0; attempt < 40 && link == null; attempt++) {
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().equals(email)) {
          Matcher found = LINK.matcher(Mails.text(m));
          assertThat(found.find()).isTrue();
          link = found.group(1);
        }
      }
      Thread.sleep(250);
    }
    assertThat(link).as("the invitation was mailed").isNotNull();
    Api.rememberSecret("invitation link", link.substring(link.lastIndexOf('/') + 1));

    try (Browser browser = new Browser(Api.baseUrl(), "invitation", Browser.Size.PHONE)) {
      browser.open(link);
      browser.deep("#password");
      browser.check("invitation");
      browser.type("#password", "short");
      browser.type("#repeat", "different");
      browser.click("button[type=submit]");
      browser.waitForText("The two passwords differ.");
      String password = "a long garage passphrase " + unique;
      browser.type("#password", password);
      browser.type("#repeat", password);
      browser.click("button[type=submit]");
      browser.waitFor(() -> "/board".equals(browser.path()) ? Boolean.TRUE : null, "the board after joining");
      browser.waitForText("Ines Invited");
      browser.check("invitation-accepted");
    }
  }
}
