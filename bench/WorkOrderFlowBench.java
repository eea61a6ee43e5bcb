import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the work-order flow against a running server (started with DEMO_DATA=true):
 * create customer + vehicle + work order with 5 lines -> approval link -> customer approval -> repair order ->
 * invoice -> payment; then the board listing (50 cards). Prints throughput and p50/p99.
 *
 * <p>java bench/WorkOrderFlowBench.java [baseUrl] [flows] [concurrency] [boardRequests]
 */
public class WorkOrderFlowBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static String base;
  static String token;
  static String shopId;

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:9080";
    int flows = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int boardRequests = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    token = field(call("POST", "/api/v1/auth/login",
        "{\"email\":\"owner@demo.mechanics.dev\",\"password\":\"demo-Garage-2026\"}", 200), "accessToken");
    shopId = first(call("GET", "/api/v1/me", null, 200), "\"shopId\"\\s*:\\s*\"([^\"]+)\"");

    for (int i = 0; i < Math.min(10, flows); i++) {
      flow(); // warm-up
    }
    report("full flow (create + 5 lines -> approval -> invoice -> payment)", run(flows, concurrency,
        WorkOrderFlowBench::flow));
    String board = "/api/v1/work-orders?shopId=" + shopId + "&limit=50";
    for (int i = 0; i < 20; i++) {
      call("GET", board, null, 200);
    }
    report("board listing (GET /work-orders?limit=50)", run(boardRequests, concurrency,
        () -> call("GET", board, null, 200)));
  }

  interface Step {
    void run() throws Exception;
  }

  record Result(List<Long> nanos, long wallNanos) {
  }

  static Result run(int count, int concurrency, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Long>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(() -> {
        long t = System.nanoTime();
        step.run();
        return System.nanoTime() - t;
      }));
    }
    List<Long> nanos = new ArrayList<>();
    for (Future<Long> f : futures) {
      nanos.add(f.get());
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    return new Result(nanos, wall);
  }

  static void report(String what, Result r) {
    List<Long> sorted = new ArrayList<>(r.nanos());
    Collections.sort(sorted);
    double perSecond = r.nanos().size() / (r.wallNanos() / 1e9);
    System.out.printf("%s%n  n=%d  throughput=%.1f/s  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what,
        sorted.size(), perSecond, pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
  }

  static double pct(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  static void flow() throws Exception {
    String customer = field(call("POST", "/api/v1/customers",
        "{\"firstName\":\"Bench\",\"lastName\":\"Customer\"}", 201), "id");
    String vehicle = field(call("POST", "/api/v1/vehicles", "{\"customerId\":\"" + customer + "\",\"vin\":\""
        + vin() + "\",\"make\":\"Ford\",\"model\":\"Focus\",\"year\":2016}", 201), "id");
    String wo = field(call("POST", "/api/v1/work-orders", "{\"shopId\":\"" + shopId + "\",\"customerId\":\""
        + customer + "\",\"vehicleId\":\"" + vehicle + "\",\"mileageIn\":80000,\"complaint\":\"Noise\"}", 201),
        "id");
    String[] lines = {
        "{\"type\":\"LABOR\",\"description\":\"Brake service\",\"hours\":1.5,\"rate\":\"120.00\"}",
        "{\"type\":\"PART\",\"description\":\"Pads\",\"quantity\":1,\"unitCost\":\"30.00\",\"unitPrice\":\"65.99\"}",
        "{\"type\":\"PART\",\"description\":\"Rotors\",\"quantity\":2,\"unitCost\":\"40.00\",\"unitPrice\":\"89.50\"}",
        "{\"type\":\"FEE\",\"description\":\"Shop supplies\",\"unitPrice\":\"12.50\"}",
        "{\"type\":\"DISCOUNT\",\"description\":\"Coupon\",\"unitPrice\":\"10.00\"}"};
    for (String line : lines) {
      call("POST", "/api/v1/work-orders/" + wo + "/lines", line, 201);
    }
    String url = field(call("POST", "/api/v1/work-orders/" + wo + "/approval-link", "{}", 201), "url");
    String path = url.substring(url.indexOf("/api/v1/approvals/"));
    String shown = call("GET", path, null, 200);
    String hash = field(shown, "documentHash");
    Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(shown);
    StringBuilder decisions = new StringBuilder();
    while (ids.find()) {
      decisions.append(decisions.length() == 0 ? "" : ",").append("{\"lineId\":\"").append(ids.group(1))
          .append("\",\"approved\":true}");
    }
    call("POST", path, "{\"approverName\":\"Bench\",\"documentHash\":\"" + hash + "\",\"decisions\":["
        + decisions + "]}", 200);
    call("POST", "/api/v1/work-orders/" + wo + "/repair-order", null, 200);
    String invoice = call("POST", "/api/v1/work-orders/" + wo + "/invoice", null, 201);
    call("POST", "/api/v1/invoices/" + field(invoice, "id") + "/payments", "{\"amount\":\""
        + field(invoice, "total") + "\",\"method\":\"CARD\",\"reference\":\"BENCH\"}", 201);
  }

  static String call(String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": "
          + response.body());
    }
    return response.body();
  }

  static String field(String json, String name) {
    return first(json, "\"" + name + "\"\\s*:\\s*\"([^\"]*)\"");
  }

  static String first(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + json);
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
