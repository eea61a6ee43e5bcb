package dev.mechanics.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, started as a user would twice over the same data: the second start reads what the
 * first wrote (encrypted personal data, sessions) and the demo owner signs in again; and when the application
 * cannot start, the launcher says why in one line and exits by itself. Runs the launcher in its own JVM against
 * its own copy of the packaged server (WLP_USER_DIR), on free ports, beside the test server.
 */
class RunServerRestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunCommandLaunches launches = new RunCommandLaunches("run-restart-it");

  @Test
  void theRunCommandSurvivesARestartAndSaysWhyWhenItCannotStart() throws Exception {
    Path wlp = launches.prepareServerCopy();

    RunCommandLaunches.Launch first = launches.launch(wlp, Map.of());
    first.awaitReady();
    JsonNode session = signInAsDemoOwner(first.port);
    String token = session.path("accessToken").asText();
    HttpResponse<String> created = send(first.port, "POST", "/api/v1/customers", token,
        "{\"firstName\":\"Restart\",\"lastName\":\"Proof\",\"email\":\"restart.proof@example.com\","
            + "\"phone\":\"+1 555 010 4455\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String customer = JSON.readTree(created.body()).path("id").asText();
    first.stop();

    RunCommandLaunches.Launch second = launches.launch(wlp, Map.of());
    second.awaitReady();
    assertThat(signInAsDemoOwner(second.port).path("accessToken").asText()).isNotBlank();
    HttpResponse<String> read = send(second.port, "GET", "/api/v1/customers/" + customer, token, null);
    assertThat(read.statusCode()).as("the first run's access token and customer, read by the second run: "
        + read.body()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).path("email").asText()).isEqualTo("restart.proof@example.com");
    HttpResponse<String> refreshed = send(second.port, "POST", "/api/v1/auth/refresh", null,
        "{\"refreshToken\":\"" + session.path("refreshToken").asText() + "\"}");
    assertThat(refreshed.statusCode()).as("the first run's refresh token: " + refreshed.body()).isEqualTo(200);
    second.stop();

    // a key that does not open the stored data: the launcher must say so and give up by itself
    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    RunCommandLaunches.Launch third = launches.launch(wlp, Map.of("ENCRYPTION_KEY",
        Base64.getEncoder().encodeToString(otherKey)));
    assertThat(third.awaitFailure()).contains("[run] The application did not start: java.lang.IllegalStateException: "
        + "A value is encrypted under key").contains("[run] Liberty's log: ").doesNotContain("Mechanics is ready");
  }

  @AfterEach
  void cleanUp() throws Exception {
    launches.close();
  }

  private JsonNode signInAsDemoOwner(int port) throws Exception {
    HttpResponse<String> r = send(port, "POST", "/api/v1/auth/login", null,
        "{\"email\":\"owner@demo.mechanics.dev\",\"password\":\"demo-Garage-2026\"}");
    assertThat(r.statusCode()).as("demo owner sign-in: " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(int port, String method, String path, String token, String body)
      throws Exception {
    return launches.send(port, method, path, token, body, Map.of());
  }
}
