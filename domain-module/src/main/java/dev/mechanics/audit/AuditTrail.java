package dev.mechanics.audit;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.RequestOrigin;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the audit trail in the caller's transaction (so a change and its audit row commit or roll back
 * together) and checks its hash chain, which {@link AuditSealer} extends after commit. Personal data in before/after is masked; the trail must not become a
 * second copy of what the encryption protects.
 */
@ApplicationScoped
public class AuditTrail {

  /** Fields whose values are personal data: stored masked. */
  private static final Set<String> PERSONAL = Set.of("email", "phone", "address", "firstName", "lastName", "name",
      "approverName");

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  AuditSealer sealer;

  /**
   * The chain's check: {@code checked} sealed rows from the first; {@code unsealed} rows committed but not yet
   * linked (the tail the sealer has not reached, ADR 0050), the oldest of them {@code oldestUnsealedSeconds} old.
   */
  public record Verification(boolean valid, long checked, Long brokenAtSeq, String problem, long unsealed,
                             Long oldestUnsealedSeconds) {
  }

  /** Records a change in the current organization; must run inside the changing transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String action, String entityType, UUID entityId, UUID shopId, Map<String, ?> before,
                     Map<String, ?> after) {
    recordFor(Tenancy.current(), action, entityType, entityId, shopId, before, after);
  }

  /**
   * One insert and no lock: the row's place in the chain is given by the sealer after this transaction commits,
   * so writers of one organization do not wait for each other (ADR 0050).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordFor(UUID organizationId, String action, String entityType, UUID entityId, UUID shopId,
                        Map<String, ?> before, Map<String, ?> after) {
    RequestOrigin.Origin origin = RequestOrigin.current();
    em.persist(new AuditEvent(Ids.newId(), organizationId, shopId, origin.userId(), action, entityType, entityId,
        masked(before), masked(after), origin.requestId(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }

  /** Reading the trail seals what has committed first, so the owner sees every event with its place. */
  @Transactional
  public Page<AuditEvent> list(Caller caller, UUID entityId, PageRequest page) {
    requireOwner(caller);
    sealer.sealNow(em, Tenancy.current());
    List<AuditEvent> rows = em.createQuery("select e from AuditEvent e where (:after is null or e.id > :after) "
            + "and (:entity is null or e.entityId = :entity) order by e.id", AuditEvent.class)
        .setParameter("after", page.after()).setParameter("entity", entityId)
        .setMaxResults(page.limit() + 1).getResultList();
    return Page.of(rows, page.limit(), AuditEvent::getId);
  }

  /** Seals what has committed, then recomputes the organization's chain from its first row. */
  @Transactional
  public Verification verify(Caller caller) {
    requireOwner(caller);
    UUID organization = Tenancy.current();
    sealer.sealNow(em, organization);
    List<AuditEvent> rows = em.createQuery("select e from AuditEvent e where e.seq is not null order by e.seq",
        AuditEvent.class).getResultList();
    Object[] tail = (Object[]) em.createNativeQuery("select count(*), "
            + "cast(floor(extract(epoch from (clock_timestamp() - min(occurred_at)))) as bigint) "
            + "from audit_events where organization_id = ?1 and seq is null")
        .setParameter(1, organization).getSingleResult();
    long unsealed = ((Number) tail[0]).longValue();
    Long oldest = tail[1] == null ? null : ((Number) tail[1]).longValue();
    String prev = "";
    long expectedSeq = 1;
    for (AuditEvent row : rows) {
      String problem = null;
      if (row.getSeq() != expectedSeq) {
        return new Verification(false, expectedSeq - 1, expectedSeq, "row " + expectedSeq + " is missing",
            unsealed, oldest);
      } else if (!row.getPrevHash().equals(prev)) {
        problem = " does not follow the previous row";
      } else if (!row.computeHash().equals(row.getHash())) {
        problem = " was changed after it was written";
      }
      if (problem != null) {
        return new Verification(false, expectedSeq - 1, row.getSeq(), "row " + row.getSeq() + problem, unsealed,
            oldest);
      }
      prev = row.getHash();
      expectedSeq++;
    }
    return new Verification(true, rows.size(), null, null, unsealed, oldest);
  }

  private static void requireOwner(Caller caller) {
    if (!caller.may(Capability.READ_AUDIT)) {
      throw new DomainException.Forbidden("Only an owner reads the audit trail");
    }
  }

  static String masked(Map<String, ?> state) {
    if (state == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("{");
    new TreeMap<String, Object>(state).forEach((key, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(key)).append(':');
      if (value == null) {
        json.append("null");
      } else {
        json.append(quote(PERSONAL.contains(key) ? mask(key, value.toString()) : value.toString()));
      }
    });
    return json.append('}').toString();
  }

  /** Enough to recognise a change, not to recover the value: first letter / domain / last two digits. */
  static String mask(String key, String value) {
    if (value.isEmpty()) {
      return "";
    }
    return switch (key) {
      case "email" -> {
        int at = value.indexOf('@');
        yield at > 0 ? value.charAt(0) + "***" + value.substring(at) : "***";
      }
      case "phone" -> {
        String digits = value.replaceAll("\\D", "");
        yield "***" + (digits.length() >= 2 ? digits.substring(digits.length() - 2) : "");
      }
      case "address" -> "***";
      default -> value.codePointCount(0, value.length()) > 0
          ? new String(Character.toChars(value.codePointAt(0))) + "***" : "***";
    };
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
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
}
