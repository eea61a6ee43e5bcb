import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15.9: does a burst of sign-ins slow everybody else down? Measures the p99 of a customer list
 * ({@code GET /api/v1/customers?limit=50}) from {@code listClients} clients, first alone, then while
 * {@code signInClients} clients sign in back to back, then alone again; the sign-ins must not raise the list's p99
 * by more than 20 % over the two quiet phases. Sign-in hashes (Argon2id) run outside any transaction, hold no
 * pooled connection, and run on at most half the cores' worth of threads at the lowest OS priority (ADR 0057).
 * "refused or failed" counts the sign-ins told 429 (the hasher's queue full, or 20 s waited).
 *
 * <p>java bench/SignInLoadBench.java [baseUrl] [seconds per phase] [listClients] [signInClients]
 */
public class SignInLoadBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String DEMO = "{\"email\":\"%s\",\"password\":\"demo-Garage-2026\"}";
  static String base;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int listClients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int signInClients = args.length > 3 ? Integer.parseInt(args[3]) : 50;

    String token = field(call("POST", "/api/v1/auth/login", null, DEMO.formatted("owner@demo.mechanics.dev")),
        "accessToken");
    ensureCustomers(token, 200);
    System.out.printf("[bench] %s: customer list by %d clients, %d s per phase; %d clients signing in%n", base,
        listClients, seconds, signInClients);
    measureList(token, listClients, Math.max(5, seconds / 3), 0); // warm-up, not reported
    Phase quiet = measureList(token, listClients, seconds, 0);
    Phase loaded = measureList(token, listClients, seconds, signInClients);
    Phase quietAgain = measureList(token, listClients, seconds, 0);
    report("customer list, quiet", quiet);
    report("customer list, " + signInClients + " concurrent sign-ins", loaded);
    report("customer list, quiet again", quietAgain);
    System.out.printf("[bench] sign-ins during the loaded phase: %d ok, %d refused or failed, p50 %.1f ms, "
        + "p99 %.1f ms%n", loaded.signIns.size(), loaded.signInFailures, pct(loaded.signIns, 50),
        pct(loaded.signIns, 99));
    double baseline = (pct(quiet.list, 99) + pct(quietAgain.list, 99)) / 2;
    double ratio = pct(loaded.list, 99) / baseline;
    System.out.printf("[bench] p99 with sign-ins / p99 without = %.2f (%.1f ms / %.1f ms): %s (limit 1.20)%n", ratio,
        pct(loaded.list, 99), baseline, ratio <= 1.20 ? "PASS" : "FAIL");
  }

  record Phase(List<Long> list, List<Long> signIns, int listFailures, int signInFailures) {
  }

  static Phase measureList(String token, int listClients, int seconds, int signInClients) throws Exception {
    ConcurrentLinkedQueue<Long> list = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> signIns = new ConcurrentLinkedQueue<>();
    AtomicInteger listFailures = new AtomicInteger();
    AtomicInteger signInFailures = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(listClients + signInClients);
    String[] users = {"owner", "manager", "advisor", "tech"};
    for (int i = 0; i < signInClients; i++) {
      String body = DEMO.formatted(users[i % users.length] + "@demo.mechanics.dev");
      pool.submit(() -> {
        while (running.get()) {
          long start = System.nanoTime();
          int status = status("POST", "/api/v1/auth/login", null, body);
          if (status == 200) {
            signIns.add(System.nanoTime() - start);
          } else {
            signInFailures.incrementAndGet();
          }
        }
        return null;
      });
    }
    for (int i = 0; i < listClients; i++) {
      pool.submit(() -> {
        while (running.get()) {
          long start = System.nanoTime();
          int status = status("GET", "/api/v1/customers?limit=50", token, null);
          if (status == 200) {
            list.add(System.nanoTime() - start);
          } else {
            listFailures.incrementAndGet();
          }
        }
        return null;
      });
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    return new Phase(new ArrayList<>(list), new ArrayList<>(signIns), listFailures.get(), signInFailures.get());
  }

  static void report(String what, Phase phase) {
    System.out.printf("[bench] %-44s %6d requests, p50 %6.1f ms, p99 %6.1f ms%s%n", what, phase.list.size(),
        pct(phase.list, 50), pct(phase.list, 99),
        phase.listFailures == 0 ? "" : " (" + phase.listFailures + " not 200)");
  }

  static double pct(List<Long> nanos, int percentile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1_000_000.0;
  }

  /** Enough customers for a full page. */
  static void ensureCustomers(String token, int wanted) throws Exception {
    String page = call("GET", "/api/v1/customers?limit=200", token, null);
    int have = page.split("\"id\"", -1).length - 1;
    for (int i = have; i < wanted; i++) {
      call("POST", "/api/v1/customers", token, "{\"firstName\":\"Bench\",\"lastName\":\"Signin" + i + "\"}");
    }
  }

  static int status(String method, String path, String token, String body) {
    try {
      return send(method, path, token, body).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static String call(String method, String path, String token, String body) throws Exception {
    HttpResponse<String> r = send(method, path, token, body);
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        // each request from its own made-up client, so the per-address sign-in limit does not interfere
        .header("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "."
            + random.nextInt(1, 255))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
