package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignUpIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static Map<String, Object> signUp(String email) {
    Map<String, Object> body = new HashMap<>();
    body.put("organizationName", "Brake Bros");
    body.put("shopName", "Brake Bros Main");
    body.put("timeZone", "Europe/Berlin");
    body.put("currency", "EUR");
    body.put("ownerName", "Bea Brake");
    body.put("ownerEmail", email);
    body.put("ownerPassword", "a long enough password");
    return body;
  }

  @Test
  void signUpCreatesAChainWithItsFirstShopAndOwner() {
    String email = "bea-" + UUID.randomUUID() + "@example.com";
    Api.anonymous().body(signUp(email)).post("/organizations")
        .then().statusCode(201)
        .header("Location", endsWith("/api/v1/me"))
        .body("organizationName", equalTo("Brake Bros"))
        .body("ownerEmail", equalTo(email));
    String token = Api.login(email, "a long enough password");
    Api.anonymous().header("Authorization", "Bearer " + token).get("/shops")
        .then().statusCode(200).body("items.name", containsInAnyOrder("Brake Bros Main"));
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me")
        .then().statusCode(200).body("memberships.role", containsInAnyOrder("OWNER"))
        .body("organization.currency", equalTo("EUR"));
  }

  @Test
  void everyFieldIsValidatedAndEachProblemListed() {
    Map<String, Object> body = signUp("not-an-email");
    body.put("timeZone", "Mars/Olympus");
    body.put("currency", "XYZ");
    body.put("ownerPassword", "short");
    body.remove("shopName");
    Api.anonymous().body(body).post("/organizations")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("ownerEmail", "timeZone", "currency", "ownerPassword", "shopName"));
  }

  /**
   * Issue 15.10: an address can own one account, and a stranger cannot tell which addresses have one: the second
   * sign-up is answered like the first, creates nothing, and the address's holder is told by mail.
   */
  @Test
  void anE_mailCanOwnOnlyOneAccountAndSignUpDoesNotTellWhichAddressesHaveOne() throws Exception {
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    Response first = Api.anonymous().body(signUp(email)).post("/organizations");
    first.then().statusCode(201);
    Map<String, Object> again = signUp(email.toUpperCase());
    again.put("organizationName", "Someone Else's Garage");
    again.put("ownerPassword", "another long enough password");
    Response second = Api.anonymous().body(again).post("/organizations");
    second.then().statusCode(201).contentType("application/json").header("Location", endsWith("/api/v1/me"))
        .body("organizationName", equalTo("Someone Else's Garage")).body("ownerEmail", equalTo(email));
    assertThat(second.jsonPath().getMap("$").keySet()).isEqualTo(first.jsonPath().getMap("$").keySet());
    assertThat(second.<String>path("organizationId")).isNotEqualTo(first.path("organizationId"));

    // nothing was created: the first password still opens the first organization, the second opens nothing
    String token = Api.login(email, "a long enough password");
    Api.anonymous().header("Authorization", "Bearer " + token).get("/me").then().statusCode(200)
        .body("organization.id", equalTo(first.path("organizationId")));
    Api.anonymous().body(Map.of("email", email, "password", "another long enough password")).post("/auth/login")
        .then().statusCode(401);
    try (Connection db = Api.database(); ResultSet rs = db.createStatement().executeQuery(
        "select count(*) from organizations where name = 'Someone Else''s Garage'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
    // the address's holder is told
    MimeMessage told = Mails.latestTo(MAIL::getReceivedMessages, email);
    assertThat(told.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(told.getContent().toString()).contains("already has an account");
  }
}
