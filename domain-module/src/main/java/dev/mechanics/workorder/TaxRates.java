package dev.mechanics.workorder;

import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Repository of the shops' tax rates. */
@ApplicationScoped
public class TaxRates {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /**
   * The rules a shop's totals are computed with, in the shop's order. Read on every work order, board, estimate
   * line and invoice, so native SQL with the organization as a condition (ADR 0058): Hibernate translates a
   * filtered query anew on every execution, where this plan is kept. Synchronised on {@link TaxRate} only, so it
   * flushes nothing else of the transaction early.
   */
  public List<TaxRule> rulesOf(UUID shopId) {
    List<?> rows = em.createNativeQuery("""
            select name, rate, applies_to_labor, applies_to_parts from tax_rates
            where organization_id = :org and shop_id = :shop order by position""")
        .unwrap(NativeQuery.class)
        .addSynchronizedEntityClass(TaxRate.class)
        .addScalar("name", String.class).addScalar("rate", BigDecimal.class)
        .addScalar("applies_to_labor", Boolean.class).addScalar("applies_to_parts", Boolean.class)
        .setParameter("org", Tenancy.current()).setParameter("shop", shopId)
        .getResultList();
    return rows.stream().map(Object[].class::cast)
        .map(row -> new TaxRule((String) row[0], (BigDecimal) row[1], (Boolean) row[2], (Boolean) row[3]))
        .toList();
  }

  /** Replaces the shop's rates; flushed, so a read in the same transaction sees them. */
  public void replace(UUID shopId, List<TaxRate> rates) {
    em.createQuery("delete from TaxRate t where t.shopId = :shop").setParameter("shop", shopId).executeUpdate();
    rates.forEach(em::persist);
    em.flush();
  }
}
