package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.Client;
import dev.mechanics.it.faults.support.LogOnFailure;
import dev.mechanics.it.faults.support.ScaledOut;
import dev.mechanics.it.faults.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16.7: one instance of two is restarted (SIGTERM, as App Service and Docker stop it) while clients read
 * and write through the one address, and not one request fails: readiness goes down first, the front end sends
 * new connections to the other instance, keep-alive connections are closed by the draining instance's answers,
 * the requests in flight finish, then Liberty stops; the instance comes back and takes traffic again.
 */
@Order(30)
@ExtendWith(LogOnFailure.class)
class RollingRestartIT {

  private static final int CLIENTS = 6;

  @Test
  void anInstanceRestartedUnderLoadFailsNoRequest() throws Exception {
    ScaledOut pair = ScaledOut.shared();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger served = new AtomicInteger();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      // an organization per client: each user's API budget (ScaledOut.API_LIMIT a minute) outlasts the test
      // from an address of its own (198.19/16, which Client.randomAddress() never draws): the shared pair's other
      // tests spend sign-in budgets of their addresses
      String owner = Client.newOrganization(pair.baseUrl(), "rolling-" + java.util.UUID.randomUUID() + "@example.com",
          "198.19.250." + (client + 1));
      clients.add(load.submit(() -> {
        // each client keeps its connections alive, as a browser or App Service's front end does
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; running.get(); i++) {
          HttpRequest request = i % 3 == 0
              ? base(pair, owner, "/api/v1/customers").POST(HttpRequest.BodyPublishers.ofString(
                  "{\"firstName\":\"Rolling\",\"lastName\":\"Client" + client + "-" + i + "\"}")).build()
              : base(pair, owner, "/api/v1/customers?limit=20").GET().build();
          try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
              failures.add(request.method() + " " + r.statusCode() + " " + r.body());
            } else {
              served.incrementAndGet();
            }
          } catch (Exception e) {
            failures.add(request.method() + " " + e);
          }
          Thread.sleep(200);
        }
        return null;
      }));
    }
    try {
      Thread.sleep(2000);
      ServerProcess restarted = pair.b;
      int before = served.get();
      restarted.stop(Duration.ofMinutes(2));
      int whileDown = served.get();
      restarted.start();
      // the front end sees it ready within its probe interval; let it take a share of the load again
      Thread.sleep(3000);
      assertThat(whileDown).as("requests kept being served while the instance drained and stopped")
          .isGreaterThan(before);
    } finally {
      running.set(false);
      for (Future<?> client : clients) {
        client.get();
      }
      load.shutdown();
    }
    assertThat(failures).as("failed requests of %d served", served.get()).isEmpty();
    assertThat(served.get()).isPositive();
  }

  private static HttpRequest.Builder base(ScaledOut pair, String token, String path) {
    return HttpRequest.newBuilder(URI.create(pair.baseUrl() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("X-Forwarded-For", Client.randomAddress());
  }
}
