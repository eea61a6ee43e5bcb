package dev.mechanics.platform.mail;

import dev.mechanics.platform.outbox.OutboxSender;
import dev.mechanics.platform.outbox.OutboxStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's {@link MailSender}: a transactional outbox (ADR 0046). {@code send} renders the message and
 * adds it to the {@code outbox} table in the caller's transaction, if there is one, and returns at once; true
 * means "accepted for delivery". After the commit (CDI's AFTER_SUCCESS) a sender on the managed executor delivers
 * it through SMTP, with retries and backoff; the {@link #drain} poll (web module's OutboxPoller) is the safety
 * net and the retry clock. No request waits for the SMTP server.
 *
 * <p>Without SMTP_HOST nothing is queued: {@link SmtpMailSender#send} writes the developer's .eml mailbox at once
 * (or, in production, which refuses to start without SMTP_HOST, drops it), and send returns false as before.
 */
@ApplicationScoped
public class MailOutbox implements MailSender {

  static final String KIND = "mail";
  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

  /** Something was queued; observed after the commit. */
  public record Queued() {
  }

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Inject
  SmtpMailSender smtp;

  @Inject
  Event<Queued> queued;

  @Inject
  @ConfigProperty(name = "OUTBOX_MAX_ATTEMPTS", defaultValue = "12")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "OUTBOX_RETRY_FIRST_SECONDS", defaultValue = "10")
  int retryFirstSeconds;

  @Inject
  @ConfigProperty(name = "OUTBOX_RETRY_MAX_SECONDS", defaultValue = "1800")
  int retryMaxSeconds;

  private OutboxStore store;
  private OutboxSender sender;
  private final AtomicReference<Executor> executor = new AtomicReference<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile OutboxStore.Backlog backlog = new OutboxStore.Backlog(0, 0, 0);

  @PostConstruct
  void init() {
    store = new OutboxStore(dataSource);
    // the lease outlasts any one delivery: SMTP connect 5 s + read 10 s + write 10 s (SmtpMailSender.session)
    OutboxSender.Policy policy = new OutboxSender.Policy(maxAttempts, Duration.ofSeconds(retryFirstSeconds),
        Duration.ofSeconds(retryMaxSeconds), Duration.ofMinutes(2));
    sender = new OutboxSender(store, KIND, ManagementFactory.getRuntimeMXBean().getName(), policy,
        row -> smtp.deliver(row.destination(), row.payload()), SmtpMailSender::redacted);
  }

  @Override
  public boolean send(Message message) {
    return sendOnce(null, message);
  }

  @Override
  public boolean sendOnce(String key, Message message) {
    if (!smtp.configured()) {
      return smtp.send(message);
    }
    store.enqueue(KIND, String.join(",", message.to()), smtp.render(message), key);
    queued.fire(new Queued());
    return true;
  }

  /** Starts delivering on {@code executor} (the web module's managed one); called once at start-up. */
  public void start(Executor executor) {
    this.executor.set(executor);
  }

  /** After the commit (at once outside a transaction): deliver now rather than at the next poll. */
  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued ignored) {
    Executor e = executor.get();
    if (e != null) {
      e.execute(this::drain);
    }
  }

  /**
   * Delivers everything due; one drain at a time per instance (a trigger during a drain makes it go round once
   * more). Other instances drain too: the claim keeps them off each other's rows.
   */
  public void drain() {
    again.set(true);
    while (again.get() && draining.compareAndSet(false, true)) {
      try {
        again.set(false);
        sender.drain();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "outbox drain failed: " + SmtpMailSender.redacted(String.valueOf(e.getMessage())));
      } finally {
        draining.set(false);
      }
    }
  }

  /** Re-reads the backlog figures (the gauges show the last reading) and forgets sent rows after 30 days. */
  public OutboxStore.Backlog refreshBacklog() {
    backlog = store.backlog();
    store.purgeSent(Duration.ofDays(30));
    return backlog;
  }

  public OutboxStore.Backlog backlog() {
    return backlog;
  }
}
