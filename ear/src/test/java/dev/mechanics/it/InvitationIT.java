package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inviting staff by mail: a signed, expiring, single-use link with which the new user chooses a password. */
class InvitationIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_.-]+)");

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static Response invite(Api.Tenant inviter, String email, String shopId) {
    return inviter.request().body(Map.of("email", email, "name", "Ivy Invited",
            "memberships", List.of(Map.of("shopId", shopId, "role", "TECHNICIAN"))))
        .post("/users");
  }

  /** The path (under /api/v1) of the latest invitation mailed to {@code email}. */
  private static String linkMailedTo(String email) throws Exception {
    MimeMessage[] received = Mails.awaitTo(MAIL::getReceivedMessages, email, 1).toArray(MimeMessage[]::new);
    for (int i = received.length - 1; i >= 0; i--) {
      if (received[i].getAllRecipients()[0].toString().equals(email)) {
        assertThat(received[i].getSubject()).contains("invited");
        Matcher link = LINK.matcher(Mails.text(received[i]));
        assertThat(link.find()).as("the mail carries the invitation link").isTrue();
        Api.rememberSecret("invitation link", link.group(1).substring(link.group(1).lastIndexOf('/') + 1));
        return link.group(1);
      }
    }
    throw new AssertionError("no invitation mailed to " + email);
  }

  private static Response accept(String link, String password) {
    return Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).body(Map.of("password", password))
        .post(link);
  }

  private static Response login(String email, String password) {
    return Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", password)).post("/auth/login");
  }

  @Test
  void anInvitedUserChoosesAPasswordOnceThroughTheMailedLinkAndSignsIn() throws Exception {
    Api.Tenant owner = Api.newOrganization("invite");
    String email = "ivy-" + unique() + "@invite.example.com";
    Response created = invite(owner, email, owner.shopId());
    created.then().statusCode(201).header("Invitation-Sent", "true").body("invitationPending", equalTo(true));
    String id = created.path("id");
    String link = linkMailedTo(email);
    String password = "spark plug gap " + unique();
    Api.rememberSecret(password);
    Api.rememberSecret(link.substring(link.lastIndexOf('/') + 1));

    accept(link, "password").then().statusCode(422).contentType("application/problem+json");
    login(email, password).then().statusCode(401);
    accept(link, password).then().statusCode(200).body("email", equalTo(email)).body("userId", equalTo(id));
    String token = login(email, password).then().statusCode(200).extract().path("accessToken");
    Api.rememberSecret(token);
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me").then().statusCode(200)
        .body("email", equalTo(email));
    owner.request().get("/users/" + id).then().statusCode(200).body("invitationPending", equalTo(false));

    // single use: the same link again is refused, and the password stays the chosen one
    accept(link, "another good passphrase").then().statusCode(409).contentType("application/problem+json");
    login(email, password).then().statusCode(200);
    owner.request().post("/users/" + id + "/invitation").then().statusCode(409);

    Response trail = owner.request().queryParam("entityId", id).get("/audit");
    assertThat(trail.jsonPath().getList("items.action", String.class)).contains("user.created",
        "user.invitation-accepted");
    owner.request().get("/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void tamperedExpiredAndReplacedInvitationsAreRefused() throws Exception {
    Api.Tenant owner = Api.newOrganization("invite-bad");
    String email = "ivo-" + unique() + "@invite.example.com";
    String id = invite(owner, email, owner.shopId()).then().statusCode(201).extract().path("id");
    String link = linkMailedTo(email);
    String password = "brake fluid dot four " + unique();

    String tampered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
    accept(tampered, password).then().statusCode(404).contentType("application/problem+json");
    accept("/invitations/not-a-token", password).then().statusCode(404);
    // a forged signature
    accept("/invitations/" + link.substring(link.lastIndexOf('/') + 1, link.indexOf('.')) + ".AAAA", password)
        .then().statusCode(404);

    try (var db = Api.database(); PreparedStatement st = db.prepareStatement(
        "update users set invitation_expires_at = now() - interval '1 hour' where id = ?::uuid")) {
      st.setString(1, id);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    accept(link, password).then().statusCode(410).contentType("application/problem+json");
    login(email, password).then().statusCode(401);

    // a new invitation replaces the expired one; the old link stays dead
    MAIL.reset();
    owner.request().post("/users/" + id + "/invitation").then().statusCode(200).header("Invitation-Sent", "true");
    String fresh = linkMailedTo(email);
    assertThat(fresh).isNotEqualTo(link);
    accept(link, password).then().statusCode(409);
    accept(fresh, password).then().statusCode(200);
    login(email, password).then().statusCode(200);
  }

  @Test
  void aManagerInvitesOnlyIntoTheirShopsAndInitialPasswordsStillWork() throws Exception {
    Api.Tenant manager = Api.demoAs("MANAGER");
    Api.Tenant owner = Api.demoAs("OWNER");
    String north = owner.request().get("/shops").path("items.find { it.name == 'Northside' }.id");
    invite(manager, "nope-" + unique() + "@invite.example.com", north).then().statusCode(403);
    String email = "mia-" + unique() + "@invite.example.com";
    invite(manager, email, manager.shopId()).then().statusCode(201);
    assertThat(linkMailedTo(email)).startsWith("/invitations/");

    String direct = "dan-" + unique() + "@invite.example.com";
    owner.request().body(Map.of("email", direct, "name", "Dan Direct", "password", "initial passphrase 77",
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "SERVICE_ADVISOR"))))
        .post("/users").then().statusCode(201).body("invitationPending", equalTo(false));
    login(direct, "initial passphrase 77").then().statusCode(200);
  }
}
