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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock reservation throughput on one hot part (issue 19): a fresh organization receives {@code units} of one
 * part, then {@code clients} clients add catalogue part lines of 1 unit to their own work orders as fast as they
 * can, {@code attempts} in all (more than the units, so the end runs out of stock). Every answer must be 201 or
 * 409 (exhausted stock); prints the rate, the statuses, p50/p99, and the final stock (on hand, reserved).
 *
 * <p>java bench/PartsReservationBench.java [baseUrl] [clients] [units] [attempts]
 */
public class PartsReservationBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static String base;
  static String token;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int units = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int attempts = args.length > 3 ? Integer.parseInt(args[3]) : 1200;
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "bench-" + unique + "@example.com";
    String password = "bench passphrase " + unique;
    call("POST", "/api/v1/organizations", "{\"organizationName\":\"Bench " + unique + "\",\"shopName\":\"Main\","
        + "\"timeZone\":\"UTC\",\"currency\":\"USD\",\"ownerName\":\"Bench\",\"ownerEmail\":\"" + email + "\","
        + "\"ownerPassword\":\"" + password + "\"}", 201);
    token = field(call("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
        + "\"}", 200).body(), "accessToken");
    String shop = first(call("GET", "/api/v1/me", null, 200).body(), "\"shopId\"\\s*:\\s*\"([^\"]+)\"");
    String part = field(call("POST", "/api/v1/parts", "{\"partNumber\":\"HOT-1\",\"description\":\"Oil filter\","
        + "\"vendor\":\"Bench Parts\",\"unitCost\":\"4.00\"}", 201).body(), "id");
    HttpResponse<String> draft = call("POST", "/api/v1/shops/" + shop + "/purchase-orders", "{\"vendor\":\"Bench "
        + "Parts\",\"lines\":[{\"partId\":\"" + part + "\",\"quantity\":\"" + units + "\"}]}", 201);
    String order = field(draft.body(), "id");
    String line = first(draft.body(), "\"lines\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    call("POST", "/api/v1/purchase-orders/" + order + "/order", null, 200,
        "If-Match", draft.headers().firstValue("ETag").orElseThrow());
    call("POST", "/api/v1/purchase-orders/" + order + "/receipts", "{\"lines\":[{\"lineId\":\"" + line
        + "\",\"quantity\":\"" + units + "\"}]}", 200, "Idempotency-Key", "bench-" + unique);
    String customer = field(call("POST", "/api/v1/customers", "{\"firstName\":\"Bench\",\"lastName\":\"Customer\"}",
        201).body(), "id");
    String vehicle = field(call("POST", "/api/v1/vehicles", "{\"customerId\":\"" + customer + "\",\"vin\":\"" + vin()
        + "\"}", 201).body(),
        "id");
    int perClient = (attempts + clients - 1) / clients;
    int workOrdersPerClient = Math.max(1, (perClient + 39) / 40);
    List<List<String>> workOrders = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<String> mine = new ArrayList<>();
      for (int w = 0; w < workOrdersPerClient; w++) {
        mine.add(field(call("POST", "/api/v1/work-orders", "{\"shopId\":\"" + shop + "\",\"customerId\":\""
            + customer + "\",\"vehicleId\":\"" + vehicle + "\"}", 201).body(), "id"));
      }
      workOrders.add(mine);
    }
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      List<String> mine = workOrders.get(c);
      futures.add(pool.submit(() -> {
        int i = 0;
        while (next.getAndIncrement() < attempts) {
          String wo = mine.get(i++ % mine.size());
          long t = System.nanoTime();
          HttpResponse<String> r = send("POST", "/api/v1/work-orders/" + wo + "/part-lines",
              "{\"partId\":\"" + part + "\",\"quantity\":\"1\"}");
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
    int reserved = counts.getOrDefault(201, 0);
    String stock = call("GET", "/api/v1/shops/" + shop + "/stock/" + part, null, 200).body();
    System.out.printf("%d clients, one hot part with %d units, %d attempts in %.1f s: %.0f requests/s, %.0f "
            + "reservations/s; statuses %s; p50 %.1f ms, p99 %.1f ms%n", clients, units, attempts, wall,
        attempts / wall, reserved / wall, counts, nanos.get(nanos.size() / 2) / 1e6,
        nanos.get((int) (nanos.size() * 0.99)) / 1e6);
    System.out.println("final stock: " + stock);
    boolean onlyExpected = counts.keySet().stream().allMatch(s -> s == 201 || s == 409);
    System.out.println(onlyExpected && reserved == Math.min(units, attempts)
        ? "OK: no answer other than 201 and 409, exactly the units were reserved"
        : "FAILED: unexpected statuses or reservations");
    if (!onlyExpected || reserved != Math.min(units, attempts)) {
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
    return first(json, "\"" + name + "\"\\s*:\\s*\"([^\"]+)\"");
  }

  static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + text);
    }
    return m.group(1);
  }


  static String vin() {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    char[] vin = new char[17];
    for (int i = 0; i < 17; i++) {
      vin[i] = alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length()));
    }
    String map = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
    int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = vin[i];
      int value = Character.isDigit(c) ? c - '0' : (map.indexOf(c) % 10);
      sum += value * weights[i];
    }
    int check = sum % 11;
    vin[8] = check == 10 ? 'X' : (char) ('0' + check);
    return new String(vin);
  }
}
