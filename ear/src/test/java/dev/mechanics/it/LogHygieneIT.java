package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test (class order by @Order) and reads the server's whole log: no password,
 * token, link or customer phone number used anywhere in the run may appear in it. Issue 15.1: every kind of
 * secret the application hands out is gathered (sign-in, refresh tokens, approval, invitation and verification
 * links, download links as SAS signatures, the metrics scraper's password), and the check fails when a kind was
 * never gathered, so it cannot pass by looking for nothing. The log-only mail path (no SMTP_HOST) is the run
 * command's and is checked on its log by ProductionModeIT.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

  private static final List<String> PHONES = List.of("+1 312 555 0141", "+1 312 555 0142", "+1 312 555 0143",
      "+1 555 010 2030", "(555) 010-7788", "+1 (312) 555-9911", "5550107788", "13125559911");

  @Test
  void theLogHoldsNoPasswordTokenOrPhoneNumber() throws Exception {
    Path logs = Path.of(System.getProperty("it.server.dir"), "logs");
    StringBuilder all = new StringBuilder();
    for (String name : new String[] {"messages.log", "console.log"}) {
      Path file = logs.resolve(name);
      if (Files.exists(file)) {
        all.append(Files.readString(file));
      }
    }
    String log = all.toString();
    assertThat(log).as("the server log of this run").contains("\"message\":\"access\"");
    Set<String> secrets = Api.secretsUsed();
    assertThat(secrets).as("tokens and passwords gathered during the run").hasSizeGreaterThanOrEqualTo(2);
    assertThat(Api.secretKindsUsed()).as("each kind of secret the API hands out was gathered").contains(
        "password", "access token", "refresh token", "approval link", "invitation link", "verification link",
        "SAS", "metrics password");
    List<String> leaked = new ArrayList<>();
    for (String secret : secrets) {
      // a JWT's signature part alone is enough to prove a leak, and survives line wrapping
      String needle = secret.startsWith("eyJ") ? secret.substring(secret.lastIndexOf('.') + 1) : secret;
      if (needle.length() >= 8 && log.contains(needle)) {
        leaked.add(secret.length() > 12 ? secret.substring(0, 12) + "..." : secret);
      }
    }
    for (String phone : PHONES) {
      if (log.contains(phone)) {
        leaked.add(phone);
      }
    }
    assertThat(leaked).as("secrets or personal data found in the log").isEmpty();
  }
}
