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
 * ({@code GET /api/v1/customers?limit=50}) from {@code listClients} clients in alternating phases: alone, then while
 * {@code signInClients} clients sign in back to back, {@code rounds} times, and alone once more at the end. The
 * sign-ins must not raise the list's p99 by more than 20 %: the p99 of every list request made during the bursts
 * against the p99 of every one made in the quiet phases. Alternating short phases and pooling them keeps the
 * machine's own drift over minutes (on this machine kind the p99 of two quiet phases a minute apart differs by up to
 * 40 %) out of the comparison; a run with 0 sign-in clients shows what that noise is. After each burst the
 * sign-ins still queued are drained before the next quiet phase begins, unmeasured.
 * Sign-in hashes (Argon2id) run outside any transaction, hold no pooled connection, and run on a few low-priority
 * threads that keep to a CPU share while the rest of the server is busy (ADR 0057).
 * "refused or failed" counts the sign-ins told 429 (the hasher's queue full, or 20 s waited).
 *
 * <p>java bench/SignInLoadBench.java [baseUrl] [seconds per phase] [listClients] [signInClients] [rounds]
 */
public class SignInLoadBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String DEMO = "{\"email\":\"%s\",\"password\":\"demo-Garage-2026\"}";
  static String base;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int listClients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int signInClients = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 4;

    String token = field(call("POST", "/api/v1/auth/login", null, DEMO.formatted("owner@demo.mechanics.dev")),
        "accessToken");
    ensureCustomers(token, 200);
    System.out.printf("[bench] %s: customer list by %d clients; %d rounds of %d s alone and %d s with %d clients "
        + "signing in, then %d s alone%n", base, listClients, rounds, seconds, seconds, signInClients, seconds);
    measureList(token, listClients, Math.max(15, seconds), 0); // warm-up, not reported
    List<Phase> quiet = new ArrayList<>();
    List<Phase> loaded = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      quiet.add(measureList(token, listClients, seconds, 0));
      loaded.add(measureList(token, listClients, seconds, signInClients));
      System.out.printf("[bench] round %d: list p99 %.1f ms alone, %.1f ms with sign-ins%n", round + 1,
          pct(quiet.get(round).list, 99), pct(loaded.get(round).list, 99));
    }
    quiet.add(measureList(token, listClients, seconds, 0));
    Phase alone = Phase.pooled(quiet);
    Phase withSignIns = Phase.pooled(loaded);
    report("customer list, alone", alone);
    report("customer list, " + signInClients + " concurrent sign-ins", withSignIns);
    System.out.printf("[bench] sign-ins during the bursts: %d ok, %d refused or failed, p50 %.1f ms, p99 %.1f ms%n",
        withSignIns.signIns.size(), withSignIns.signInFailures, pct(withSignIns.signIns, 50),
        pct(withSignIns.signIns, 99));
    double ratio = pct(withSignIns.list, 99) / pct(alone.list, 99);
    System.out.printf("[bench] p99 with sign-ins / p99 without = %.2f (%.1f ms / %.1f ms): %s (limit 1.20)%n", ratio,
        pct(withSignIns.list, 99), pct(alone.list, 99), ratio <= 1.20 ? "PASS" : "FAIL");
  }

  record Phase(List<Long> list, List<Long> signIns, int listFailures, int signInFailures) {

    static Phase pooled(List<Phase> phases) {
      List<Long> list = new ArrayList<>();
      List<Long> signIns = new ArrayList<>();
      int listFailures = 0;
      int signInFailures = 0;
      for (Phase phase : phases) {
        list.addAll(phase.list);
        signIns.addAll(phase.signIns);
        listFailures += phase.listFailures;
        signInFailures += phase.signInFailures;
      }
      return new Phase(list, signIns, listFailures, signInFailures);
    }
  }

  static Phase measureList(String token, int listClients, int seconds, int signInClients) throws Exception {
    ConcurrentLinkedQueue<Long> list = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> signIns = new ConcurrentLinkedQueue<>();
    AtomicInteger listFailures = new AtomicInteger();
    AtomicInteger signInFailures = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, listClients + signInClients));
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
    // the sign-ins still waiting finish here, with the list stopped: nothing of a burst leaks into the next phase
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
