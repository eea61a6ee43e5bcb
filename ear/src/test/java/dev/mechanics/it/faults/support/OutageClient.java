package dev.mechanics.it.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A caller of a {@link ServerProcess} during a dependency outage: every call has a hard time limit (the client
 * gives up with an exception, so a server that waits longer fails the test), and {@link #timeUntil} measures how
 * long the service takes to answer as wished again once the dependency is back.
 */
public final class OutageClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private String token;

  public OutageClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One answer: status, media type, body (as JSON when it is JSON), and how long it took. */
  public record Answer(int status, String contentType, String body, long millis) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return status + " " + contentType + " in " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300)
          + "..." : body);
    }
  }

  /** Signs the demo chain's owner in; later calls carry the access token. */
  public OutageClient signInAsDemoOwner() throws Exception {
    return signIn("owner@demo.mechanics.dev", "demo-Garage-2026");
  }

  /** Signs {@code email} in; later calls carry the access token. */
  public OutageClient signIn(String email, String password) throws Exception {
    Answer answer = post("/api/v1/auth/login", JSON.writeValueAsString(java.util.Map.of("email", email,
        "password", password)), Duration.ofSeconds(30));
    if (answer.status() != 200) {
      throw new AssertionError("sign-in of " + email + ": " + answer);
    }
    token = answer.json().path("accessToken").asText();
    return this;
  }

  public Answer get(String path, Duration limit) throws Exception {
    return send("GET", path, null, HttpRequest.BodyPublishers.noBody(), limit);
  }

  public Answer post(String path, String json, Duration limit) throws Exception {
    return send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(json), limit);
  }

  public Answer post(String path, String contentType, byte[] body, Duration limit) throws Exception {
    return send("POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), limit);
  }

  public byte[] download(String path, Duration limit) throws Exception {
    HttpResponse<byte[]> r = http.send(request("GET", path, null, HttpRequest.BodyPublishers.noBody(), limit),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new AssertionError("download " + path + ": " + r.statusCode() + " " + new String(r.body()));
    }
    return r.body();
  }

  /**
   * Calls {@code call} every 100 ms until its answer satisfies {@code wanted}; the milliseconds from now until then.
   * A call that fails on the way (connection refused, limit reached) counts as not yet.
   */
  public long timeUntil(Call call, Predicate<Answer> wanted, Duration giveUpAfter) throws Exception {
    long start = System.nanoTime();
    Answer last = null;
    Exception lastError = null;
    while (System.nanoTime() - start < giveUpAfter.toNanos()) {
      try {
        last = call.send();
        if (wanted.test(last)) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException e) {
        lastError = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not as wished within " + giveUpAfter + "; last answer " + last, lastError);
  }

  /** One call, for {@link #timeUntil}. */
  @FunctionalInterface
  public interface Call {
    Answer send() throws Exception;
  }

  private Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                      Duration limit) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = http.send(request(method, path, contentType, body, limit),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private HttpRequest request(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                              Duration limit) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(limit)
        .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }
}
