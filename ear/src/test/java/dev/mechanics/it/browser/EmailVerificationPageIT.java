package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mailed verification link opens the app's page, which confirms the address and says so (not a 405). */
class EmailVerificationPageIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/email-verifications/[A-Za-z0-9_.-]+");

  private static String mailedLink(String email) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      MimeMessage[] received = MAIL.getReceivedMessages();
      for (int i = received.length - 1; i >= 0; i--) {
        if (received[i].getAllRecipients()[0].toString().equals(email)) {
          Matcher link = LINK.matcher(Mails.text(received[i]));
          assertThat(link.find()).as("the mail carries the verification page's link").isTrue();
          Api.rememberSecret("verification link", link.group().substring(link.group().lastIndexOf('/') + 1));
          return link.group();
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no verification link mailed to " + email);
  }

  @Test
  void theMailedLinkOpensAPageThatConfirmsTheAddressInASentence() throws Exception {
    Api.Tenant owner = Api.newOrganization("verify-page");
    String email = owner.request().get("/me").path("email");
    owner.request().post("/email-verifications").then().statusCode(200).body("mailSent", equalTo(true));
    String link = mailedLink(email);
    assertThat(link).as("the app's page, not the API route (a browser's GET there is 405)").doesNotContain("/api/");

    try (Browser browser = new Browser(Api.baseUrl(), "email-verification", Browser.Size.PHONE)) {
      browser.driver().get(link);
      PageText.waitFor(browser, email + " is confirmed as your e-mail address");
      browser.check("confirmed");
    }
    owner.request().post("/email-verifications").then().statusCode(200).body("emailVerified", equalTo(true));

    try (Browser browser = new Browser(Api.baseUrl(), "email-verification", Browser.Size.DESKTOP)) {
      browser.driver().get(link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA"));
      PageText.waitFor(browser, "This confirmation link does not work");
      browser.assertNoConsoleErrors("tampered", "status of 404");
      browser.check("tampered");
    }
  }
}
