package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import dev.mechanics.platform.datasource.DatabaseUrl;
import dev.mechanics.platform.outbox.OutboxSender;
import dev.mechanics.platform.outbox.OutboxStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 16.6: mail goes through the outbox (ADR 0046). The request commits the mail and answers without waiting
 * for SMTP; a mail server that hangs, then is down, then is back gets every mail once; two senders over the same
 * rows never deliver one twice; a row whose sender died mid-send is delivered again after its lease.
 */
class OutboxIT {

  /** A mail server that takes connections and never says a word: a client waits for its read timeout. */
  private static final class HangingSmtp implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    HangingSmtp(int port) throws IOException {
      server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      Thread accepting = new Thread(() -> {
        try {
          while (true) {
            held.add(server.accept());
          }
        } catch (IOException closed) {
          // closed: the mail server is down
        }
      }, "hanging-smtp");
      accepting.setDaemon(true);
      accepting.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private static String approvalLink(Api.Tenant advisor, String workOrder, String email) throws Exception {
    // SMTP's read timeout alone is 10 s: a request that sent the mail itself would not answer within 5 s
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/api/v1/work-orders/" + workOrder
            + "/approval-link")).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + advisor.token())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer.body();
  }

  private static Map<String, String> outboxStates(List<String> recipients) throws Exception {
    Map<String, String> states = new java.util.TreeMap<>();
    try (Connection c = Api.database(); PreparedStatement st = c.prepareStatement(
        "select destination, string_agg(state || ':' || attempts, ',') from outbox where destination = any (?) "
            + "group by destination")) {
      st.setArray(1, c.createArrayOf("varchar", recipients.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return states;
  }

  @Test
  void requestsAnswerWhileSmtpHangsAndEveryMailArrivesOnceWhenItIsBack() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Shop shop = new Shop(advisor);
    List<String> recipients = new ArrayList<>();
    try (HangingSmtp hanging = new HangingSmtp(TestDatabase.smtpPort())) {
      for (int i = 0; i < 3; i++) {
        String workOrder = shop.estimate();
        shop.addLines(workOrder, List.of(Shop.labor("Replace brake pads", "1.5", "110.00")));
        String email = "outbox-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        recipients.add(email);
        String body = approvalLink(advisor, workOrder, email);
        assertThat(body).contains("\"emailSent\":true");
        Api.rememberSecret("approval link", body.replaceAll(".*/approvals/([^\"]+)\".*", "$1"));
      }
      // committed with the link, not yet delivered
      Map<String, String> waiting = outboxStates(recipients);
      assertThat(waiting).hasSize(3);
      assertThat(waiting.values()).allMatch(s -> s.startsWith("PENDING:"));
    }
    // the mail server is down a moment (connections refused), then back
    Thread.sleep(1500);
    GreenMail mail = new GreenMail(new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1",
        ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      for (String email : recipients) {
        assertThat(Mails.text(Mails.latestTo(mail::getReceivedMessages, email))).contains("/approvals/");
      }
      Map<String, String> states = Map.of();
      for (int i = 0; i < 120 && !(states.size() == 3 && states.values().stream().allMatch(
          s -> s.startsWith("SENT:"))); i++) {
        Thread.sleep(250);
        states = outboxStates(recipients);
      }
      assertThat(states.values()).as(states.toString()).allMatch(s -> s.matches("SENT:\\d+"));
      // retried: the first attempts met the hanging or missing server
      assertThat(states.values()).anyMatch(s -> !s.equals("SENT:1"));
      for (String email : recipients) {
        assertThat(Mails.awaitTo(mail::getReceivedMessages, email, 1)).as(email).hasSize(1);
      }
    } finally {
      mail.stop();
    }
  }

  private static PGSimpleDataSource dataSource() {
    DatabaseUrl url = Api.databaseUrl();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url.jdbcUrl());
    if (url.user() != null) {
      ds.setUser(url.user());
    }
    if (url.password() != null) {
      ds.setPassword(url.password());
    }
    return ds;
  }

  private static long pending(String kind) throws Exception {
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement("select count(*) from outbox where kind = ? and state = 'PENDING'")) {
      st.setString(1, kind);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void twoSendersOverTheSameRowsNeverDeliverOneTwiceAndGiveUpVisibly() throws Exception {
    Api.awaitReady();
    // a kind of its own: the started server delivers only "mail"
    String kind = "it-" + UUID.randomUUID().toString().substring(0, 8);
    OutboxStore first = new OutboxStore(dataSource());
    OutboxStore second = new OutboxStore(dataSource());
    for (int i = 0; i < 60; i++) {
      String to = (i % 10 == 0 ? "dead-" : i % 5 == 0 ? "flaky-" : "ok-") + i + "@example.com";
      assertThat(first.enqueue(kind, to, ("message " + i).getBytes(StandardCharsets.UTF_8), null)).isTrue();
    }
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    OutboxSender.Transport transport = row -> {
      attempts.computeIfAbsent(row.destination(), d -> new AtomicInteger()).incrementAndGet();
      Thread.sleep(2);
      if (row.destination().startsWith("dead-")
          || row.destination().startsWith("flaky-") && row.attempts() == 1) {
        throw new IOException("421 try later https://example.com/secret-token-0123456789abcdef");
      }
    };
    OutboxSender.Policy policy = new OutboxSender.Policy(3, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2));
    UnaryOperator<String> redact = s -> s.replaceAll("https?://\\S+", "[redacted]");
    List<OutboxSender> senders = List.of(new OutboxSender(first, kind, "instance-a", policy, transport, redact),
        new OutboxSender(second, kind, "instance-b", policy, transport, redact));

    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> loops = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      OutboxSender sender = senders.get(t % 2);
      loops.add(pool.submit(() -> {
        go.await();
        for (int round = 0; round < 200 && pending(kind) > 0; round++) {
          sender.drain();
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> loop : loops) {
      loop.get();
    }
    pool.shutdown();

    assertThat(attempts).hasSize(60);
    attempts.forEach((to, n) -> assertThat(n.get()).as(to)
        .isEqualTo(to.startsWith("dead-") ? 3 : to.startsWith("flaky-") ? 2 : 1));
    try (Connection c = Api.database(); PreparedStatement st = c.prepareStatement("select destination, state, "
        + "attempts, last_error, payload is null from outbox where kind = ?")) {
      st.setString(1, kind);
      try (ResultSet rs = st.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          String to = rs.getString(1);
          if (to.startsWith("dead-")) {
            assertThat(rs.getString(2)).as(to).isEqualTo("DEAD");
            assertThat(rs.getInt(3)).isEqualTo(3);
            assertThat(rs.getString(4)).contains("421 try later").doesNotContain("secret-token");
            assertThat(rs.getBoolean(5)).as("a dead row keeps its payload for a retry").isFalse();
          } else {
            assertThat(rs.getString(2)).as(to).isEqualTo("SENT");
            assertThat(rs.getBoolean(5)).as("a sent row's payload is dropped").isTrue();
          }
        }
        assertThat(rows).isEqualTo(60);
      }
    }
    // the dead rows are visible on /metrics (the poller's reading, every second in the tests)
    double dead = 0;
    for (int i = 0; i < 40 && dead < 6; i++) {
      String metrics = Api.metrics("?scope=application");
      assertThat(metrics).containsPattern("outbox_pending\\{[^}]*\\} [0-9]")
          .containsPattern("outbox_oldest_pending_age_seconds\\{[^}]*\\} [0-9]");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("outbox_dead\\{[^}]*\\} ([0-9.]+)")
          .matcher(metrics);
      assertThat(m.find()).as("outbox_dead on /metrics").isTrue();
      dead = Double.parseDouble(m.group(1));
      if (dead < 6) {
        Thread.sleep(250);
      }
    }
    assertThat(dead).as("dead rows counted").isGreaterThanOrEqualTo(6);
  }

  @Test
  void aRowWhoseSenderDiedMidSendIsDeliveredAgainAfterItsLease() throws Exception {
    Api.awaitReady();
    String kind = "it-" + UUID.randomUUID().toString().substring(0, 8);
    OutboxStore store = new OutboxStore(dataSource());
    assertThat(store.enqueue(kind, "ada@example.com", new byte[] {1}, "once")).isTrue();
    assertThat(store.enqueue(kind, "ada@example.com", new byte[] {1}, "once")).as("the same key again").isFalse();
    // a sender claims it for a moment and dies (never reports back)
    Optional<OutboxStore.Claimed> died = store.claim(kind, "died", Duration.ofMillis(200));
    assertThat(died).isPresent();
    assertThat(store.claim(kind, "other", Duration.ofMinutes(2))).as("held while the lease runs").isEmpty();
    Thread.sleep(400);
    List<OutboxStore.Claimed> delivered = new CopyOnWriteArrayList<>();
    OutboxSender.Policy policy = new OutboxSender.Policy(3, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2));
    assertThat(new OutboxSender(store, kind, "survivor", policy, delivered::add, s -> s).drain()).isEqualTo(1);
    assertThat(delivered).singleElement().satisfies(row -> {
      assertThat(row.expiredOwner()).isEqualTo("died");
      assertThat(row.attempts()).isEqualTo(2);
    });
    // the dead sender, should it come back, cannot mark what it no longer holds
    assertThat(store.sent(died.get().id(), "died")).isFalse();
  }
}
