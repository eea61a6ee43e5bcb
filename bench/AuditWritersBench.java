import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parallel audited writes in one organization (issue 12, ADR 0050): {@code clients} clients of one new
 * organization create customers (each create writes one audit row) as fast as they can, {@code requests} in all;
 * prints the rate, the statuses and p50/p99, then verifies the audit chain (which seals what has committed first)
 * and prints the verification with its duration. Fails unless every create was 201 and the chain is valid with
 * every row checked.
 *
 * <p>java bench/AuditWritersBench.java [baseUrl] [clients] [requests]
 */
public class AuditWritersBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static String base;
  static String token;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "bench-" + unique + "@example.com";
    String password = "bench passphrase " + unique;
    call("POST", "/api/v1/organizations", "{\"organizationName\":\"Bench " + unique + "\",\"shopName\":\"Main\","
        + "\"timeZone\":\"UTC\",\"currency\":\"USD\",\"ownerName\":\"Bench\",\"ownerEmail\":\"" + email + "\","
        + "\"ownerPassword\":\"" + password + "\"}", 201);
    token = field(call("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
        + "\"}", 200).body(), "accessToken");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < requests) {
          long t = System.nanoTime();
          HttpResponse<String> r = send("POST", "/api/v1/customers", "{\"firstName\":\"Bench\",\"lastName\":\"Writer"
              + i + "\"}");
          nanos.add(System.nanoTime() - t);
          if (statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet() == 1
              && r.statusCode() != 201) {
            System.out.println("first " + r.statusCode() + ": " + r.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(nanos);
    Map<Integer, Integer> counts = new TreeMap<>();
    statuses.forEach((k, v) -> counts.put(k, v.get()));
    System.out.printf("%d clients, one organization, %d audited creates in %.1f s: %.0f requests/s; statuses %s; "
            + "p50 %.1f ms, p99 %.1f ms%n", clients, requests, wall, requests / wall, counts,
        nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.99)) / 1e6);
    long v = System.nanoTime();
    String verification = call("GET", "/api/v1/audit/verify", null, 200).body();
    System.out.printf("verify (seals the tail, then checks the chain) in %.0f ms: %s%n", (System.nanoTime() - v) / 1e6,
        verification);
    int created = counts.getOrDefault(201, 0);
    boolean ok = created == requests && verification.matches("(?s).*\"valid\"\\s*:\\s*true.*")
        && verification.matches("(?s).*\"checked\"\\s*:\\s*" + (created + 1) + "\\b.*");
    System.out.println(ok ? "OK: every create answered 201 and the chain verifies with every row"
        : "FAILED: a create was refused or the chain does not verify with every row");
    if (!ok) {
      System.exit(1);
    }
  }

  static HttpResponse<String> send(String method, String path, String body, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").method(method, body == null
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  static HttpResponse<String> call(String method, String path, String body, int expected, String... headers) {
    HttpResponse<String> r = send(method, path, body, headers);
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
