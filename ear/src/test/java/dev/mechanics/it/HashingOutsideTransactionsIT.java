package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ADR 0057: a request that waits for the password hasher holds no pooled connection and no transaction. A burst of
 * password changes, user creations and invitation acceptances queues behind the few hashing threads; meanwhile the
 * database must never show one of the application's connections idle inside a transaction for longer than a
 * second, which is what a request waiting for the hasher inside its transaction looks like (and what drains the
 * pool for every other request under a burst).
 */
class HashingOutsideTransactionsIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final int BURST = 30;
  /** What was seen idle in a transaction, per burst: all three are reported before the test fails. */
  private static final Map<String, List<String>> SIGHTINGS = new java.util.LinkedHashMap<>();
  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitations/[A-Za-z0-9_.-]+)");

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void passwordChangesUserCreationsAndInvitationsHashWithNoTransactionOpen() throws Exception {
    Api.Tenant owner = Api.newOrganization("hashtx");

    // wrong current passwords: each costs one verification and changes nothing, so they can all run at once
    List<Response> changes = burst(i -> owner.request().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("currentPassword", "not the password " + i, "newPassword", "a brand new passphrase " + i))
        .post("/auth/password"), "password changes");
    changes.forEach(answer -> assertThat(answer.statusCode()).as(answer.asString()).isIn(422, 429));

    List<Response> created = burst(i -> owner.request().body(Map.of("email", "burst-" + i + "-" + unique()
            + "@hashtx.example.com", "name", "Burst " + i, "password", "a long enough password " + unique(),
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))))
        .post("/users"), "user creations");
    created.forEach(answer -> assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 429));

    String email = "ivy-" + unique() + "@hashtx.example.com";
    owner.request().body(Map.of("email", email, "name", "Ivy Invited",
            "memberships", List.of(Map.of("shopId", owner.shopId(), "role", "TECHNICIAN"))))
        .post("/users").then().statusCode(201);
    String link = linkMailedTo(email);
    String password = "spark plug gap " + unique();
    Api.rememberSecret(password);
    List<Response> accepted = burst(i -> Api.anonymous().header("X-Forwarded-For", Api.randomClientAddress())
        .body(Map.of("password", password)).post(link), "invitation acceptances");
    accepted.forEach(answer -> assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 409, 429));
    assertThat(accepted).as("the link is used once, whatever the race").filteredOn(a -> a.statusCode() == 200)
        .hasSize(1);
    Api.login(email, password);
    assertThat(SIGHTINGS).as("connections idle in a transaction for over a second, per burst").isEmpty();
  }

  private interface Request {
    Response send(int i);
  }

  /** Sends {@link #BURST} requests at once while watching the database for transactions left idle. */
  private static List<Response> burst(Request request, String what) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(BURST);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<String> idle = new ArrayList<>();
    Thread watcher = new Thread(() -> watch(done, idle), "idle-transaction-watcher");
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        int n = i;
        answers.add(clients.submit((Callable<Response>) () -> {
          start.await();
          return request.send(n);
        }));
      }
      watcher.start();
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get(3, TimeUnit.MINUTES);
        if (response.statusCode() == 429) {
          assertThat(response.contentType()).startsWith("application/problem+json");
          assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
        }
        responses.add(response);
      }
      done.set(true);
      watcher.join(TimeUnit.SECONDS.toMillis(10));
      System.out.printf("[HashingOutsideTransactionsIT] %d %s: %d connections seen idle in a transaction over "
          + "1 s%n", BURST, what, idle.stream().distinct().count());
      if (!idle.isEmpty()) {
        SIGHTINGS.put(what, idle.stream().distinct().toList());
      }
      return responses;
    } finally {
      done.set(true);
      clients.shutdownNow();
    }
  }

  private static void watch(AtomicBoolean done, List<String> idle) {
    try (Connection db = Api.database(); Statement st = db.createStatement()) {
      while (!done.get()) {
        try (ResultSet rs = st.executeQuery("select pid, left(query, 120) from pg_stat_activity "
            + "where datname = current_database() and pid <> pg_backend_pid() "
            + "and state like 'idle in transaction%' and clock_timestamp() - state_change > interval '1 second'")) {
          while (rs.next()) {
            synchronized (idle) {
              idle.add(rs.getInt(1) + ": " + rs.getString(2));
            }
          }
        }
        Thread.sleep(50);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String linkMailedTo(String email) throws Exception {
    MimeMessage[] received = Mails.awaitTo(MAIL::getReceivedMessages, email, 1).toArray(MimeMessage[]::new);
    for (int i = received.length - 1; i >= 0; i--) {
      if (received[i].getAllRecipients()[0].toString().equals(email)) {
        Matcher link = LINK.matcher(Mails.text(received[i]));
        assertThat(link.find()).as("the mail carries the invitation link").isTrue();
        Api.rememberSecret("invitation link", link.group(1).substring(link.group(1).lastIndexOf('/') + 1));
        return link.group(1);
      }
    }
    throw new AssertionError("no invitation mailed to " + email);
  }
}
