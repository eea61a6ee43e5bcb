package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.Client;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.ScaledOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16.8: clients that hold the server's connections and threads (a body sent one byte a second, headers
 * never finished, 200 list requests at once for a pool of 10 connections) do not starve anyone else, and each of
 * them gets a bounded answer. Against one instance of {@link ScaledOut} directly (the test proxy is made for tens
 * of connections, not hundreds).
 */
@Order(20)
@ExtendWith(LogOnFailure.class)
class SlowClientsIT {

  private static final int SLOW = 200;
  /** Only guards against a hang: a request that is starved waits for ever, one that is served does not. */
  private static final Duration HANG = Duration.ofSeconds(60);
  private static final byte[] BODY = "{\"email\":\"advisor@demo.mechanics.dev\",\"password\":\"wrong password\"}"
      .getBytes(StandardCharsets.US_ASCII);

  private static ScaledOut pair;
  private static String owner;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    pair = ScaledOut.shared();
    owner = Client.login(pair.a.baseUrl(), "owner@demo.mechanics.dev", Client.DEMO_PASSWORD);
  }

  @Test
  void clientsTricklingTheirBodyOrHeadersDoNotStarveOthersAndAreCutOff() throws Exception {
    List<Socket> bodies = new ArrayList<>();
    List<Socket> headers = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < SLOW; i++) {
        Socket body = open();
        body.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
            + Client.randomAddress() + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        bodies.add(body);
        Socket header = open();
        header.getOutputStream().write("GET /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        headers.add(header);
      }
      Map<Socket, Integer> sent = new ConcurrentHashMap<>();
      trickle.scheduleAtFixedRate(() -> {
        for (Socket s : bodies) {
          int next = sent.merge(s, 1, Integer::sum) - 1;
          write(s, next < BODY.length ? new byte[] {BODY[next]} : new byte[0]);
        }
        for (Socket s : headers) {
          write(s, "X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }, 0, 1, TimeUnit.SECONDS);
      Thread.sleep(3000);

      // everyone else is served meanwhile, liveness included
      for (int i = 0; i < 10; i++) {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/customers?limit=20", owner).statusCode()).isEqualTo(200);
      }

      // every trickled body gets a bounded answer: 408 problem+json once BODY_READ_TIMEOUT (5 s here) passed
      ExecutorService readers = Executors.newFixedThreadPool(16);
      List<Future<String>> answers = new ArrayList<>();
      for (Socket s : bodies) {
        answers.add(readers.submit(() -> firstLine(s)));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get(HANG.toSeconds() * 2, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
      }
      readers.shutdown();
      assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    } finally {
      trickle.shutdownNow();
      for (Socket s : bodies) {
        s.close();
      }
      for (Socket s : headers) {
        s.close();
      }
    }
  }

  @Test
  void twoHundredListRequestsAtOnceGetBoundedAnswersWhileLivenessStaysUp() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(SLOW);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < SLOW; i++) {
      answers.add(clients.submit(() -> get("/api/v1/customers?limit=100", owner).statusCode()));
    }
    assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get(HANG.toSeconds() * 2, TimeUnit.SECONDS));
    }
    clients.shutdown();
    // served, or refused at once with 503 when no pooled connection comes within the pool's wait: never 500
    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 503));
    assertThat(statuses).contains(200);
  }

  private Socket open() throws IOException {
    Socket s = new Socket("127.0.0.1", pair.a.port());
    s.setSoTimeout((int) HANG.toMillis());
    return s;
  }

  private static void write(Socket s, byte[] bytes) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // the server cut it off: what it should do, read by firstLine
    }
  }

  private static String firstLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    try {
      for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
    } catch (SocketTimeoutException e) {
      return "no answer within " + HANG;
    }
    return line.toString();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pair.a.baseUrl() + path)).timeout(HANG)
        .header("X-Forwarded-For", Client.randomAddress());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
