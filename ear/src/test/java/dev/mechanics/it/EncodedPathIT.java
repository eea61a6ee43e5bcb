package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Encoded dots, slashes, backslashes and hashes in a path are everyday scanner traffic: each gets a 4xx
 * (problem+json where the application answers), never a 5xx, never the protected resource, and the server log
 * gets no SEVERE line or stack trace for them (docs/adr/0034).
 */
class EncodedPathIT {

  private static final List<String> APPLICATION_PATHS = List.of(
      "/api/v1/%2e%2e/x", "/api/v1/%2E%2E/x", "/%2e/openapi", "/%2E/openapi", "/x%2e",
      "/api/v1/%2e%2e/api/v1/me", "/api/%2e%2e/api/v1/me", "/api/v1/customers/%2e%2e%2f%2e%2e",
      "/api/v1/customers/%2e%2e", "/api/v1/approvals/%2e%2e/customers", "/api/v1/%2fx", "/api/v1/%5cx",
      "/api/v1/%23x", "/api/v1/%252e%252e/x", "/x/%2e%2e/WEB-INF/web.xml", "/x/..%2fWEB-INF/web.xml",
      "/x/%2e%2e/META-INF/MANIFEST.MF", "/api/v1/%2e%2e%2f%2e%2e%2fWEB-INF/web.xml");

  /** Liberty's own endpoints and paths above the root: Liberty answers them (its own bodies), quietly. */
  private static final List<String> CONTAINER_PATHS = List.of(
      "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/WEB-INF/web.xml", "/openapi/%2e%2e/x", "/openapi/ui/%2e%2e/%2e%2e/x",
      "/health/%2e%2e/%2e%2e/x", "/metrics/%2e%2e", "/%2e%2e");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void encodedDotsAndSlashesAre4xxProblemsAndLeaveNoSevereLineInTheLog() throws Exception {
    Path log = Path.of(System.getProperty("it.server.dir"), "logs", "messages.log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    String token = Api.demoAs("OWNER").token();
    List<String> wrong = new ArrayList<>();

    for (String path : APPLICATION_PATHS) {
      for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
        for (String auth : new String[] {null, token}) {
          HttpResponse<String> r = send(method, path, auth);
          String type = r.headers().firstValue("Content-Type").orElse("");
          if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
            wrong.add(method + " " + path + (auth == null ? "" : " (signed in)") + " -> " + r.statusCode() + " "
                + type);
          }
          assertThat(r.body()).as(path).doesNotContain("<web-app", "Manifest-Version", "\tat ");
        }
      }
    }
    for (String path : CONTAINER_PATHS) {
      HttpResponse<String> r = send("GET", path, null);
      if (r.statusCode() >= 500) {
        wrong.add("GET " + path + " -> " + r.statusCode());
      }
      assertThat(r.body()).as(path).doesNotContain("root:x:0:0", "<web-app", "\tat ");
    }
    assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();

    String written = logSince(log, logStart);
    assertThat(written).as("the server log while the encoded paths were sent")
        .doesNotContain("\"loglevel\":\"SEVERE\"", "\"loglevel\":\"ERROR\"", "SRVE0315E", "\\tat com.ibm");
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
        .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the server appended to its log since {@code start} (all of it if the log rolled over meanwhile). */
  private static String logSince(Path log, long start) throws Exception {
    // Liberty writes asynchronously: give the last lines a moment to land
    Thread.sleep(1500);
    byte[] all = Files.readAllBytes(log);
    int from = all.length >= start ? (int) start : 0;
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
