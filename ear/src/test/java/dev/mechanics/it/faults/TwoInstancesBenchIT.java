package dev.mechanics.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.faults.support.Client;
import dev.mechanics.it.faults.support.ScaledOut;
import dev.mechanics.it.faults.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 16 (bench/two-instances.sh; skipped unless BENCH_TWO_INSTANCES is set): requests per
 * second and p99 of the customer list (20 of 200 customers) with BENCH_CLIENTS (16) keep-alive clients for
 * BENCH_SECONDS (20) each, against instance A directly, through the front-end proxy to A alone, and through it to
 * A and B. Prints lines starting with [TwoInstancesBench]; asserts only that every request was answered 200.
 */
@Order(40)
class TwoInstancesBenchIT {

  @Test
  void customerListThroughTwoInstancesAgainstOne() throws Exception {
    Assumptions.assumeTrue(System.getenv("BENCH_TWO_INSTANCES") != null, "BENCH_TWO_INSTANCES not set");
    int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "16"));
    int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
    ScaledOut pair = ScaledOut.shared();
    String token = Client.newOrganization(pair.baseUrl(), "bench-" + System.nanoTime() + "@example.com");
    for (int i = 0; i < 200; i++) {
      Client.as(pair.baseUrl(), token).body(Map.of("firstName", "Bench", "lastName", "Customer " + i))
          .post("/customers").then().statusCode(201);
    }
    String path = "/api/v1/customers?limit=20";
    run("warm-up A", pair.a.baseUrl() + path, token, clients, 5);
    run("warm-up B", pair.b.baseUrl() + path, token, clients, 5);
    run("instance A directly", pair.a.baseUrl() + path, token, clients, seconds);
    pair.pin(List.of(pair.a));
    run("proxy -> A alone", pair.baseUrl() + path, token, clients, seconds);
    pair.pin(List.<ServerProcess>of(pair.a, pair.b));
    run("proxy -> A + B", pair.baseUrl() + path, token, clients, seconds);
    pair.pin(null);
  }

  private static void run(String label, String url, String token, int clients, int seconds) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
            .header("X-Forwarded-For", Client.randomAddress()).timeout(Duration.ofSeconds(30)).GET().build();
        long[] latencies = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end && n < latencies.length) {
          long start = System.nanoTime();
          HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) {
            failed.incrementAndGet();
          }
          latencies[n++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(latencies, n);
      }));
    }
    long[] all = new long[0];
    for (Future<long[]> result : results) {
      long[] mine = result.get();
      long[] merged = Arrays.copyOf(all, all.length + mine.length);
      System.arraycopy(mine, 0, merged, all.length, mine.length);
      all = merged;
    }
    pool.shutdown();
    Arrays.sort(all);
    double p50 = all[all.length / 2] / 1e6;
    double p99 = all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6;
    System.out.printf("[TwoInstancesBench] %-20s %d clients %d s: %d requests, %.1f req/s, p50 %.1f ms, "
        + "p99 %.1f ms, non-200 %d%n", label, clients, seconds, all.length, all.length / (double) seconds, p50, p99,
        failed.get());
    assertThat(failed.get()).as(label + ": answers other than 200").isZero();
  }
}
