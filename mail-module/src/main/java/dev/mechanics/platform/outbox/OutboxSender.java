package dev.mechanics.platform.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Delivers the due rows of one kind: claim one, hand it to the {@link Transport}, record the outcome; until none
 * is due. A failure is retried after {@code first × 2^(attempt-1)}, at most {@code cap} apart; after
 * {@code maxAttempts} the row is DEAD (the backlog metric counts it; an operator retries it, docs/operations.md).
 *
 * <p>Each claim gets its own owner token, so a sender whose lease ran out cannot mark a row another one took
 * over. A row whose sender died mid-send is delivered again when its lease runs out (at-least-once for that case
 * only, ADR 0046): the lease is much longer than any delivery can take (the SMTP timeouts bound it), so two live
 * senders never deliver one row twice.
 */
public class OutboxSender {

  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

  /** Delivers one row's payload to its destination, or throws why not. */
  @FunctionalInterface
  public interface Transport {
    void deliver(OutboxStore.Claimed row) throws Exception;
  }

  public record Policy(int maxAttempts, Duration first, Duration cap, Duration lease) {

    /** The wait before the attempt after {@code attempts} failed ones. */
    public Duration retryAfter(int attempts) {
      long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
      Duration wait = first.multipliedBy(factor);
      return wait.compareTo(cap) > 0 || wait.isNegative() ? cap : wait;
    }
  }

  private final OutboxStore store;
  private final String kind;
  private final String instance;
  private final Policy policy;
  private final Transport transport;
  private final UnaryOperator<String> redact;

  /** {@code redact}: applied to every error before it is stored or logged (errors can quote a link). */
  public OutboxSender(OutboxStore store, String kind, String instance, Policy policy, Transport transport,
                      UnaryOperator<String> redact) {
    this.store = store;
    this.kind = kind;
    this.instance = instance;
    this.policy = policy;
    this.transport = transport;
    this.redact = redact;
  }

  /** Delivers until nothing of this kind is due; the count delivered. */
  public int drain() {
    int delivered = 0;
    while (true) {
      String owner = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
      Optional<OutboxStore.Claimed> claimed = store.claim(kind, owner, policy.lease());
      if (claimed.isEmpty()) {
        return delivered;
      }
      if (deliver(claimed.get(), owner)) {
        delivered++;
      }
    }
  }

  private boolean deliver(OutboxStore.Claimed row, String owner) {
    if (row.expiredOwner() != null) {
      LOG.warning(() -> "outbox " + kind + " " + row.id() + ": the lease of " + row.expiredOwner() + " ran out "
          + "(that sender stopped mid-send); delivering again, which may duplicate it");
    }
    try {
      transport.deliver(row);
    } catch (Exception e) {
      boolean dead = row.attempts() >= policy.maxAttempts();
      Duration retryIn = policy.retryAfter(row.attempts());
      String error = e.getClass().getSimpleName() + ": " + redact.apply(String.valueOf(e.getMessage()));
      store.failed(row.id(), owner, error, dead, retryIn);
      LOG.warning(() -> "outbox " + kind + " " + row.id() + ": attempt " + row.attempts() + " failed ("
          + error + ")" + (dead ? "; DEAD after " + row.attempts() + " attempts"
          : "; next attempt in " + retryIn.toSeconds() + " s"));
      return false;
    }
    if (!store.sent(row.id(), owner)) {
      LOG.warning(() -> "outbox " + kind + " " + row.id() + ": delivered after its lease ran out");
    }
    return true;
  }
}
