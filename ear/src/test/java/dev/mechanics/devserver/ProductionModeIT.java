package dev.mechanics.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the app settings of the ARM templates switch on, on the packaged server (issue 15): production mode
 * refuses to start without mail and its public address; FRONT_DOOR_ID refuses requests that did not come through
 * that Front Door, except the health routes; and the run command, with no mail server, keeps every mail in its
 * developer mailbox and none in its log.
 */
class ProductionModeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FRONT_DOOR_ID = "2f6b4b0e-8d1a-4c6e-9e0b-3a7c5d9e1f24";
  private static final Map<String, String> THROUGH_FRONT_DOOR = Map.of("X-Azure-FDID", FRONT_DOOR_ID);

  private final RunCommandLaunches launches = new RunCommandLaunches("production-mode-it");

  @AfterEach
  void cleanUp() throws Exception {
    launches.close();
  }

  @Test
  void productionWithoutMailOrItsPublicAddressRefusesToStartNamingBoth() throws Exception {
    Path wlp = launches.prepareServerCopy();
    String console = launches.launch(wlp, Map.of("APP_ENVIRONMENT", "production")).awaitFailure();
    assertThat(console).contains("[run] The application did not start").contains("Invalid configuration: ")
        .contains("SMTP_HOST is required in production").contains("PUBLIC_BASE_URL is required in production")
        .doesNotContain("Mechanics is ready");
  }

  @Test
  void behindFrontDoorOnlyItsRequestsAndTheHealthChecksAreServedAndMailNeverReachesTheLog() throws Exception {
    Path wlp = launches.prepareServerCopy();
    RunCommandLaunches.Launch run = launches.launch(wlp, Map.of("FRONT_DOOR_ID", FRONT_DOOR_ID));
    run.awaitReady();
    assertThat(Files.readString(run.output)).contains("Mail (SMTP_HOST unset): not sent; each message is a .eml "
        + "file in " + launches.runData().resolve("mailbox"));

    // bypassing Front Door (no header, or another profile's id): 403 problem+json, the health routes excepted
    String login = "{\"email\":\"owner@demo.mechanics.dev\",\"password\":\"demo-Garage-2026\"}";
    for (Map<String, String> headers : List.of(Map.<String, String>of(),
        Map.of("X-Azure-FDID", UUID.randomUUID().toString()))) {
      HttpResponse<String> refused = launches.send(run.port, "POST", "/api/v1/auth/login", null, login, headers);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(JSON.readTree(refused.body()).path("type").asText()).endsWith("/front-door-required");
    }
    for (String health : List.of("/health/ready", "/health/live", "/api/v1/health")) {
      assertThat(launches.send(run.port, "GET", health, null, null, Map.of()).statusCode()).as(health)
          .isEqualTo(200);
    }
    HttpResponse<String> signedIn = launches.send(run.port, "POST", "/api/v1/auth/login", null, login,
        THROUGH_FRONT_DOOR);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    String token = JSON.readTree(signedIn.body()).path("accessToken").asText();

    // an invitation with no mail server: the link is in the developer's mailbox, not in the log
    String email = "ivy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String shop = JSON.readTree(launches.send(run.port, "GET", "/api/v1/me", token, null, THROUGH_FRONT_DOOR).body())
        .path("memberships").path(0).path("shopId").asText();
    HttpResponse<String> invited = launches.send(run.port, "POST", "/api/v1/users", token, "{\"email\":\"" + email
        + "\",\"name\":\"Ivy\",\"memberships\":[{\"shopId\":\"" + shop + "\",\"role\":\"TECHNICIAN\"}]}",
        THROUGH_FRONT_DOOR);
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    assertThat(invited.headers().firstValue("Invitation-Sent")).contains("false");
    String mail;
    try (Stream<Path> files = Files.list(launches.runData().resolve("mailbox"))) {
      List<Path> mails = files.filter(f -> f.toString().endsWith(".eml")).toList();
      assertThat(mails).hasSize(1);
      mail = Files.readString(mails.get(0));
    }
    Matcher link = Pattern.compile("(http://localhost:" + run.port + "/invitations/)([A-Za-z0-9_.=-]+)")
        .matcher(mail.replace("=\r\n", "").replace("=\n", ""));
    assertThat(link.find()).as("the link, on the address the request came to (no PUBLIC_BASE_URL):\n" + mail)
        .isTrue();
    String secret = link.group(2);
    String log = Files.readString(launches.messagesLog()) + Files.readString(run.output);
    assertThat(log).contains("Mail not sent (SMTP_HOST is not set)").contains("[redacted]")
        .doesNotContain(secret).doesNotContain("/invitations/" + secret.substring(0, 8));
  }
}
