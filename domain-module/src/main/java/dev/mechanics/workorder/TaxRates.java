package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Repository of the shops' tax rates. */
@ApplicationScoped
public class TaxRates {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public List<TaxRate> of(UUID shopId) {
    return em.createQuery("select t from TaxRate t where t.shopId = :shop order by t.position", TaxRate.class)
        .setParameter("shop", shopId).getResultList();
  }

  /** The rules a shop's totals are computed with, in the shop's order. */
  public List<TaxRule> rulesOf(UUID shopId) {
    return of(shopId).stream().map(TaxRate::rule).toList();
  }

  /** Replaces the shop's rates; flushed, so a read in the same transaction sees them. */
  public void replace(UUID shopId, List<TaxRate> rates) {
    em.createQuery("delete from TaxRate t where t.shopId = :shop").setParameter("shop", shopId).executeUpdate();
    rates.forEach(em::persist);
    em.flush();
  }
}
