import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free-slot search benchmark (issue 19.4): a fresh organization whose shop (America/New_York) opens Monday to
 * Saturday 07:00-19:00 with 12 bays and 3,000 one-hour appointments spread over 30 days, then
 * {@code GET /shops/{id}/free-slots?durationMinutes=60&from=..&to=..} over those 30 days, sequentially. Prints the
 * answer size and p50/p95/p99/max. Goal: p95 < 50 ms.
 *
 * <p>java bench/FreeSlotBench.java [baseUrl] [searches] [appointments]
 *
 * <p>It prints the owner's e-mail and password of the organization it seeded; with {@code BENCH_LOGIN=email:password}
 * in the environment it signs in as that owner instead and only searches, so two builds can be compared on the same
 * data (the appointments must still lie ahead: the search starts tomorrow).
 */
public class FreeSlotBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static String base;
  static String token;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int appointments = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    String reuse = System.getenv("BENCH_LOGIN");
    ZoneId zone = ZoneId.of("America/New_York");
    LocalDate from = LocalDate.now(zone).plusDays(1);
    LocalDate to = from.plusDays(29);
    String shop;
    int bayCount;
    int booked;
    if (reuse != null && !reuse.isBlank()) {
      int colon = reuse.indexOf(':');
      token = field(call("POST", "/api/v1/auth/login", "{\"email\":\"" + reuse.substring(0, colon)
          + "\",\"password\":\"" + reuse.substring(colon + 1) + "\"}", 200), "accessToken");
      shop = first(call("GET", "/api/v1/me", null, 200), "\"shopId\"\\s*:\\s*\"([^\"]+)\"");
      bayCount = count(call("GET", "/api/v1/shops/" + shop + "/bays", null, 200), "\"kind\"");
      booked = -1;
    } else {
      String unique = UUID.randomUUID().toString().substring(0, 8);
      String email = "bench-" + unique + "@example.com";
      String password = "bench passphrase " + unique;
      call("POST", "/api/v1/organizations", "{\"organizationName\":\"Bench " + unique + "\",\"shopName\":\"Main\","
          + "\"timeZone\":\"America/New_York\",\"currency\":\"USD\",\"ownerName\":\"Bench Owner\",\"ownerEmail\":\""
          + email + "\",\"ownerPassword\":\"" + password + "\"}", 201);
      token = field(call("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
          + "\"}", 200), "accessToken");
      shop = first(call("GET", "/api/v1/me", null, 200), "\"shopId\"\\s*:\\s*\"([^\"]+)\"");
      StringBuilder week = new StringBuilder();
      for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
        week.append(week.isEmpty() ? "" : ",").append("{\"day\":\"").append(day)
            .append("\",\"opens\":\"07:00\",\"closes\":\"19:00\"}");
      }
      String etag = etag("/api/v1/shops/" + shop + "/opening-hours");
      send("PUT", "/api/v1/shops/" + shop + "/opening-hours", "{\"week\":[" + week + "]}", etag, 200);
      List<String> bays = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        bays.add(field(call("POST", "/api/v1/shops/" + shop + "/bays", "{\"name\":\"Bay " + i + "\",\"kind\":\"LIFT\"}",
            201), "id"));
      }
      String customer = field(call("POST", "/api/v1/customers", "{\"firstName\":\"Bench\",\"lastName\":\"Customer\"}",
          201), "id");
      String vehicle = field(call("POST", "/api/v1/vehicles", "{\"customerId\":\"" + customer
          + "\",\"vin\":\"1HGCM82633A004352\"}", 201), "id");
      List<String> bodies = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to) && bodies.size() < appointments; d = d.plusDays(1)) {
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
          continue;
        }
        for (int b = 0; b < bays.size(); b++) {
          for (int hour = 7; hour < 19; hour++) {
            // seven hours in eight booked (until 3,000): a busy shop with gaps the search must find
            if ((hour + b + d.getDayOfMonth()) % 8 != 7 && bodies.size() < appointments) {
              bodies.add("{\"shopId\":\"" + shop + "\",\"customerId\":\"" + customer + "\",\"vehicleId\":\"" + vehicle
                  + "\",\"requestedWork\":\"Service\",\"bayId\":\"" + bays.get(b) + "\",\"startsAt\":\""
                  + d.atTime(hour, 0).atZone(zone).toInstant() + "\",\"durationMinutes\":60}");
            }
          }
        }
      }
      long loadStart = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (String body : bodies) {
        done.add(pool.submit(() -> call("POST", "/api/v1/appointments", body, 201)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      System.out.printf("booked %d appointments on %d bays in %.1f s%n", bodies.size(), bays.size(),
          (System.nanoTime() - loadStart) / 1e9);
      System.out.printf("seeded organization: BENCH_LOGIN=%s:%s%n", email, password);
      bayCount = bays.size();
      booked = bodies.size();
    }
    String search = "/api/v1/shops/" + shop + "/free-slots?durationMinutes=60&limit=20000&from=" + from + "&to=" + to;
    String answer = call("GET", search, null, 200);
    int slots = count(answer, "\"bayId\"");
    // the same data must give the same answer from every build: compare this between runs
    System.out.printf("answer sha-256 %s%n", java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    for (int i = 0; i < 20; i++) {
      call("GET", search, null, 200);
    }
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < searches; i++) {
      long t = System.nanoTime();
      call("GET", search, null, 200);
      nanos.add(System.nanoTime() - t);
    }
    Collections.sort(nanos);
    System.out.printf("free-slot search over 30 days, %d bays, %s appointments -> %d free (bay, start) pairs; "
            + "%d searches: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", bayCount,
        booked < 0 ? "the seeded" : booked, slots, searches, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
        nanos.get(nanos.size() - 1) / 1e6);
  }

  static double ms(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }

  static String etag(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    return r.headers().firstValue("ETag").orElseThrow();
  }

  static String call(String method, String path, String body, int expected) throws Exception {
    return send(method, path, body, null, expected);
  }

  static String send(String method, String path, String body, String ifMatch, int expected) throws Exception {
    HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  static HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9.0." + (1 + (int) (Math.random() * 250)));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
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

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
