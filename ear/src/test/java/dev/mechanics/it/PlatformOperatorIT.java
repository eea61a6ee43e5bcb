package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.it.support.TestTokens;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15.3: PLATFORM_OPERATOR goes only to an address its holder proved (a verification or invitation link
 * mailed there), is granted and revoked at sign-in and refresh, and both are audited. The test server lists
 * {@link TestDatabase#MORE_OPERATOR_EMAILS}.
 */
class PlatformOperatorIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /**
   * A verification or invitation link: the app's page (what a browser opens), whose API route under /api/v1 has
   * the same path and is what the page posts to. Never an API address: opening that in a browser answers 405.
   */
  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/(?:email-verifications|"
      + "invitations)/[A-Za-z0-9_.-]+)");

  private record Signed(String access, String refresh) {
  }

  private static Signed signIn(String email, String password) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("email", email, "password", password)).post("/auth/login");
    r.then().statusCode(200);
    Api.rememberSecret("refresh token", r.path("refreshToken"));
    return new Signed(r.path("accessToken"), r.path("refreshToken"));
  }

  private static Signed refresh(String refreshToken) {
    Response r = Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("refreshToken", refreshToken)).post("/auth/refresh");
    r.then().statusCode(200);
    Api.rememberSecret("refresh token", r.path("refreshToken"));
    return new Signed(r.path("accessToken"), r.path("refreshToken"));
  }

  /** What a platform operator may do and nobody else: the platform's schedules. */
  private static int platformSchedules(String access) {
    return Api.anonymous().header("Authorization", "Bearer " + access).queryParam("scope", "platform")
        .get("/batch/schedules").statusCode();
  }

  private static boolean tokenSaysOperator(String access) {
    return TestTokens.payloadOf(access).contains("PLATFORM_OPERATOR");
  }

  /** The path (under /api/v1) of the newest link mailed to {@code email}. */
  private static String linkMailedTo(String email) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      MimeMessage[] received = MAIL.getReceivedMessages();
      for (int i = received.length - 1; i >= 0; i--) {
        if (received[i].getAllRecipients()[0].toString().equals(email)) {
          Matcher link = LINK.matcher(Mails.text(received[i]));
          assertThat(link.find()).as("the mail carries a link").isTrue();
          String path = link.group(1);
          Api.rememberSecret(path.startsWith("/invitations") ? "invitation link" : "verification link",
              path.substring(path.lastIndexOf('/') + 1));
          return path;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no link mailed to " + email);
  }

  private static List<String> auditOf(Signed owner, String userId) {
    return Api.anonymous().header("Authorization", "Bearer " + owner.access()).queryParam("entityId", userId)
        .get("/audit").then().statusCode(200).extract().jsonPath().getList("items.action", String.class);
  }

  @Test
  void registeringAListedAddressGrantsNothingUntilItsHolderProvesIt() throws Exception {
    String email = TestDatabase.MORE_OPERATOR_EMAILS.get(0);
    String password = "second operator passphrase";
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).body(Map.of("organizationName",
            "Second Ops", "shopName", "Ops", "timeZone", "UTC", "currency", "USD", "ownerName", "Second Operator",
            "ownerEmail", email, "ownerPassword", password)).post("/organizations").then().statusCode(201);
    Signed unproven = signIn(email, password);
    Api.rememberSecret("password", password);
    assertThat(tokenSaysOperator(unproven.access())).as("signed up, address not proven").isFalse();
    assertThat(platformSchedules(unproven.access())).isEqualTo(403);

    Api.anonymous().header("Authorization", "Bearer " + unproven.access()).post("/email-verifications").then()
        .statusCode(200).body("emailVerified", equalTo(false)).body("mailSent", equalTo(true));
    String link = linkMailedTo(email);
    Api.anonymous().post(link.substring(0, link.length() - 3) + "AAA").then().statusCode(404)
        .contentType("application/problem+json");
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).post(link).then().statusCode(200)
        .body("emailVerified", equalTo(true)).body("email", equalTo(email));
    Api.anonymous().header("Authorization", "Bearer " + unproven.access()).post("/email-verifications").then()
        .statusCode(200).body("emailVerified", equalTo(true)).body("mailSent", equalTo(false));

    // granted at the next refresh (or sign-in), and audited
    Signed proven = refresh(unproven.refresh());
    assertThat(tokenSaysOperator(proven.access())).isTrue();
    assertThat(platformSchedules(proven.access())).isEqualTo(200);
    String userId = Api.anonymous().header("Authorization", "Bearer " + proven.access()).get("/me").path("id");
    assertThat(auditOf(proven, userId)).contains("user.email-verified", "user.platform-operator-granted");
  }

  @Test
  void anOwnerCannotMakeAnOperatorButAnInvitationMailedToTheAddressProvesIt() throws Exception {
    String email = TestDatabase.MORE_OPERATOR_EMAILS.get(1);
    Signed owner = signIn("owner@demo.mechanics.dev", Api.DEMO_PASSWORD);
    String downtown = Api.anonymous().header("Authorization", "Bearer " + owner.access()).get("/me")
        .path("memberships[0].shopId");
    String id = Api.anonymous().header("Authorization", "Bearer " + owner.access()).body(Map.of("email", email,
            "name", "Invited Operator", "memberships", List.of(Map.of("shopId", downtown, "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201).extract().path("id");
    String password = "invited operator passphrase";
    Api.rememberSecret("password", password);
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).body(Map.of("password", password))
        .post(linkMailedTo(email)).then().statusCode(200);
    Signed invited = signIn(email, password);
    assertThat(tokenSaysOperator(invited.access())).as("the invitation went to that address").isTrue();
    assertThat(auditOf(owner, id)).contains("user.invitation-accepted", "user.platform-operator-granted");
  }

  @Test
  void aGrantWhoseAddressIsNoLongerListedEndsAtOnceAndIsRevokedAtTheNextSignIn() throws Exception {
    Api.Tenant tenant = Api.newOrganization("ex-operator");
    String userId = tenant.request().get("/me").path("id");
    String email = tenant.request().get("/me").path("email");
    // a grant from when this address was listed; PLATFORM_ADMIN_EMAILS no longer names it
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "insert into platform_operator_grants (user_id, granted_at) values (?::uuid, now())")) {
      st.setString(1, userId);
      st.executeUpdate();
    }
    String password = "correct horse battery " + email.substring("owner-".length(), email.indexOf('@'));
    Signed before = signIn(email, password);
    assertThat(platformSchedules(before.access())).as("the list is read on every request").isEqualTo(403);
    assertThat(tokenSaysOperator(before.access())).isFalse();
    assertThat(grants(userId)).as("revoked at sign-in").isZero();
    assertThat(auditOf(before, userId)).contains("user.platform-operator-revoked");
    Api.anonymous().header("Authorization", "Bearer " + before.access()).get("/audit/verify").then()
        .body("valid", equalTo(true));
  }

  private static int grants(String userId) throws Exception {
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "select count(*) from platform_operator_grants where user_id = ?::uuid")) {
      st.setString(1, userId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void aVerificationLinkProvesOnlyTheAddressItWasMailedTo() throws Exception {
    Api.Tenant tenant = Api.newOrganization("verify-moved");
    tenant.request().post("/email-verifications").then().statusCode(200).body("mailSent", equalTo(true));
    String email = tenant.request().get("/me").path("email");
    String link = linkMailedTo(email);
    String userId = tenant.request().get("/me").path("id");
    try (Connection db = Api.database(); PreparedStatement st = db.prepareStatement(
        "update users set email = ? where id = ?::uuid")) {
      st.setString(1, "moved-" + UUID.randomUUID() + "@example.com");
      st.setString(2, userId);
      st.executeUpdate();
    }
    Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress()).post(link).then().statusCode(410)
        .contentType("application/problem+json");
  }
}
