package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Per-shop counters for human numbers. The upsert increments the shop's row and holds its lock until the
 * calling transaction ends: concurrent allocations queue, and a rollback returns the number, so invoice
 * numbers have no gaps and no duplicates.
 */
@ApplicationScoped
public class NumberSequences {

  public static final String WORK_ORDER = "WORK_ORDER";
  public static final String INVOICE = "INVOICE";
  public static final String CREDIT_NOTE = "CREDIT_NOTE";

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The work order's human number, per shop: WO-000123. */
  static String workOrderNumber(long sequence) {
    return "WO-%06d".formatted(sequence);
  }

  public long next(UUID organizationId, UUID shopId, String kind, int year) {
    Object value = em.createNativeQuery("""
            insert into number_sequences (organization_id, shop_id, kind, year, last_value)
            values (?1, ?2, ?3, ?4, 1)
            on conflict (shop_id, kind, year) do update set last_value = number_sequences.last_value + 1
            returning last_value""")
        .setParameter(1, organizationId).setParameter(2, shopId).setParameter(3, kind).setParameter(4, year)
        .getSingleResult();
    return ((Number) value).longValue();
  }
}
