package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff mails as they arrive (GreenMail): the invitation, the password-changed notice and the lockout
 * notice. Each has a plain-text and an HTML part, the shop's name, address and phone, the person's name, times
 * in words in the shop's time zone and no ISO timestamp; links open the app's pages. (Approval and invoice
 * mails: DocumentIT; the report mail: ShopReportIT; every template in both languages: MailRenderingTest.)
 */
class MailIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  private static MimeMessage latestTo(String address, String subjectPart) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      MimeMessage[] received = MAIL.getReceivedMessages();
      for (int i = received.length - 1; i >= 0; i--) {
        if (received[i].getAllRecipients()[0].toString().equals(address)
            && received[i].getSubject().contains(subjectPart)) {
          return received[i];
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no mail \"" + subjectPart + "\" to " + address);
  }

  /** The mail comes from the shop the person works in: the demo owner's first shop here. */
  private static void assertProperMail(MimeMessage mail, String name) throws Exception {
    Api.Tenant owner = Api.demoAs("OWNER");
    Response shop = owner.request().get("/shops/" + owner.shopId());
    String text = Mails.text(mail);
    String html = Mails.html(mail);
    assertThat(text).as("plain-text part").contains("Hello " + name + ",", shop.path("name"),
        shop.path("phone"));
    assertThat(html).as("HTML part").contains("<html", "Hello " + name + ",", shop.path("name"));
    assertThat(ISO_TIMESTAMP.matcher(text + html).find()).as("no ISO timestamp").isFalse();
  }

  @Test
  void anInvitationNamesThePersonAndLinksTheAppsInvitationPage() throws Exception {
    Api.Tenant owner = Api.demoAs("OWNER");
    String email = "nia-" + UUID.randomUUID().toString().substring(0, 8) + "@invite.example.com";
    owner.request().body(Map.of("email", email, "name", "Nia New", "memberships",
        List.of(Map.of("shopId", owner.shopId(), "role", "SERVICE_ADVISOR")))).post("/users").then().statusCode(201);
    MimeMessage mail = latestTo(email, "invited");
    assertProperMail(mail, "Nia New");
    assertThat(Mails.text(mail)).containsPattern("https?://[^/\\s]+/invitations/[A-Za-z0-9_.-]+")
        .doesNotContain("/api/v1/").contains("Demo Auto Care");
    assertThat(Mails.html(mail)).contains("href=\"http", "/invitations/");
  }

  @Test
  void changingOnesPasswordAndBeingLockedOutAreNoticedByMail() throws Exception {
    Api.Tenant owner = Api.demoAs("OWNER");
    String email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.example.com";
    String password = "first passphrase 4 brakes";
    owner.request().body(Map.of("email", email, "name", "Pat Person", "password", password, "memberships",
        List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN")))).post("/users").then().statusCode(201);
    Api.Tenant pat = Api.Tenant.of(Api.login(email, password));
    pat.request().body(Map.of("currentPassword", password, "newPassword", "second passphrase 4 rotors"))
        .post("/auth/password").then().statusCode(204);
    MimeMessage changed = latestTo(email, "password");
    assertProperMail(changed, "Pat Person");
    assertThat(Mails.text(changed)).contains(email);

    for (int i = 0; i < 5; i++) {
      Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
          .body(Map.of("email", email, "password", "wrong guess " + i)).post("/auth/login").then().statusCode(401);
    }
    MimeMessage locked = latestTo(email, "locked");
    assertProperMail(locked, "Pat Person");
    assertThat(Mails.text(locked)).contains("locked until");
  }
}
