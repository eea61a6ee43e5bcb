package dev.mechanics.it.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client as a careful integration would write one: every write carries an Idempotency-Key chosen once per
 * change, and a write whose answer did not arrive (connection refused or reset, time-out, 5xx, 429) is sent again
 * with the same key until a 2xx comes back (also after a 404 of Liberty's own while the application starts).
 * Any other answer is an {@link Unexpected} error. Counts the attempts that got no answer, so a test can show it
 * really retried through the outage.
 */
public final class RetryingClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer the client cannot retry its way out of (a 4xx other than 429). */
  public static final class Unexpected extends RuntimeException {
    public Unexpected(String message) {
      super(message);
    }
  }

  /** A 2xx answer: status, headers of interest, body. */
  public record Answer(int status, String etag, String location, JsonNode body) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Supplier<String> baseUrl;
  private final Duration giveUpAfter;
  private final AtomicInteger unanswered = new AtomicInteger();
  private volatile String token;

  public RetryingClient(Supplier<String> baseUrl, Duration giveUpAfter) {
    this.baseUrl = baseUrl;
    this.giveUpAfter = giveUpAfter;
  }

  public void signIn(String email, String password) {
    token = null;
    token = send("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password), Map.of())
        .body().path("accessToken").asText();
  }

  public int unanswered() {
    return unanswered.get();
  }

  public Answer get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  /** A write, sent until it is acknowledged, always with {@code key}. */
  public Answer write(String method, String path, String key, Object body, Map<String, String> headers) {
    return send(method, path, key, body, headers);
  }

  private Answer send(String method, String path, String key, Object body, Map<String, String> headers) {
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    String last = "nothing sent";
    while (System.nanoTime() < deadline) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
          request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
          request.header("Idempotency-Key", key);
        }
        headers.forEach(request::header);
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          return new Answer(r.statusCode(), r.headers().firstValue("ETag").orElse(null),
              r.headers().firstValue("Location").orElse(null),
              r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
        }
        last = r.statusCode() + " " + r.body();
        // a 404 that is not the API's problem+json is Liberty's, while the application is still starting
        boolean starting = r.statusCode() == 404 && !r.headers().firstValue("Content-Type").orElse("")
            .startsWith("application/problem+json");
        if (r.statusCode() / 100 != 5 && r.statusCode() != 429 && !starting) {
          throw new Unexpected(method + " " + path + " (key " + key + "): " + last);
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      unanswered.incrementAndGet();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new Unexpected(method + " " + path + " (key " + key + ") not acknowledged within " + giveUpAfter
        + "; last: " + last);
  }
}
