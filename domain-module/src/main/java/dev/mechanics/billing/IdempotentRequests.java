package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Idempotency-Key rule of the money routes (payments, credit notes), in one place. The record created by a
 * request keeps its key and a hash of the request; a later request with the key gets that record back when its
 * hash matches and a 422 when it does not. Callers look up only while holding the lock of the row the request
 * changes (the invoice), so concurrent identical requests queue and all but the first find the record; the
 * unique (organization, key) constraint of each table is the backstop.
 */
@ApplicationScoped
public class IdempotentRequests {

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
