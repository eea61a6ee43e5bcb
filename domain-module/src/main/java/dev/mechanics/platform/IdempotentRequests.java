package dev.mechanics.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Idempotency-Key rule, in one place. The record created by a request keeps its key and a hash of the
 * request; a later request with the key gets that record back when its hash matches and a 422 when it does not.
 * Money routes (payments, credit notes) keep the key on the row they create and look up while holding the lock of
 * the row the request changes (the invoice); routes whose change leaves no such row (inspection, attachments,
 * status moves) keep their first answer in an {@link IdempotentAnswer} ({@link #once}), under a transaction-level
 * lock of the key. Either way concurrent identical requests queue and all but the first find the record; the
 * unique (organization, key) constraint of each table is the backstop.
 */
@ApplicationScoped
public class IdempotentRequests {

  /** An answer as the client got it: status, ETag and Location headers, JSON body; {@code replayed} on a retry. */
  public record Answer(int status, String etag, String location, String body, boolean replayed) {
  }

  /** A row created under an Idempotency-Key: its entity has {@code idempotencyKey} and {@code requestHash}. */
  public interface Keyed {
    String getRequestHash();
  }

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The record created earlier under {@code key}, or empty; 422 when that request was a different one. */
  public <T extends Keyed> Optional<T> earlier(Class<T> type, String key, String requestHash, String what) {
    Optional<T> earlier = em.createQuery("select r from " + type.getSimpleName()
        + " r where r.idempotencyKey = :key", type).setParameter("key", key).getResultStream().findFirst();
    if (earlier.isPresent() && !earlier.get().getRequestHash().equals(requestHash)) {
      throw new DomainException.InvalidInput("This Idempotency-Key was already used for a different " + what,
          List.of(new DomainException.FieldProblem("Idempotency-Key", "was used with another body")));
    }
    return earlier;
  }

  /**
   * Runs {@code work} once per key: the first answer is kept (in this transaction, so only if the change commits)
   * and a retry with the same key and request hash gets it back without running anything; another request under
   * the key is a 422. Concurrent requests with one key wait for each other (a transaction-level advisory lock).
   */
  @Transactional
  public Answer once(String key, String requestHash, String what, Supplier<Answer> work) {
    Optional<Answer> earlier = answered(key, requestHash, what);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Answer answer = work.get();
    em.persist(new IdempotentAnswer(Tenancy.current(), key, requestHash, answer));
    em.flush();
    return answer;
  }

  /** The answer kept for {@code key} (422 if it answered another request), after locking the key. */
  @Transactional
  public Optional<Answer> answered(String key, String requestHash, String what) {
    // the lock function returns void, which Hibernate cannot read: count the one row instead
    em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(cast(:lock as text),"
            + " 0))) locked")
        .setParameter("lock", Tenancy.current() + "|" + key).getSingleResult();
    return earlier(IdempotentAnswer.class, key, requestHash, what).map(IdempotentAnswer::answer);
  }

  /** The request hash kept with {@code key}, if any (to compare one known only after reading the body). */
  @Transactional
  public Optional<String> hashOf(String key) {
    return em.createQuery("select r.requestHash from IdempotentAnswer r where r.idempotencyKey = :key",
        String.class).setParameter("key", key).getResultStream().findFirst();
  }

  /** An optional Idempotency-Key: null when absent; at most 200 characters, compared trimmed. */
  public static String optionalKey(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.length() > 200) {
      throw new DomainException.Malformed("Idempotency-Key", "Idempotency-Key must be at most 200 characters");
    }
    return header.trim();
  }

  /** The Idempotency-Key rule of the money routes: required, at most 200 characters, compared trimmed. */
  public static String requireKey(String header, String route) {
    if (header == null || header.isBlank()) {
      throw new DomainException.Malformed("Idempotency-Key", "the Idempotency-Key header is required on " + route);
    }
    if (header.length() > 200) {
      throw new DomainException.Malformed("Idempotency-Key", "Idempotency-Key must be at most 200 characters");
    }
    return header.trim();
  }

  /** The SHA-256 of a request's canonical text (what the caller considers "the same request"). */
  public static String hash(String canonicalRequest) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
