package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Purchase orders and their receipts. */
@ApplicationScoped
public class PurchaseOrders {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public PurchaseOrder require(UUID id) {
    return em.createQuery("select p from PurchaseOrder p where p.id = :id", PurchaseOrder.class)
        .setParameter("id", id).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("purchase order", id));
  }

  /** Locked for this transaction: receipts of one order queue, so a retried key finds the first one's row. */
  public PurchaseOrder requireForUpdate(UUID id) {
    PurchaseOrder found = em.createQuery("select p from PurchaseOrder p where p.id = :id", PurchaseOrder.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("purchase order", id));
    em.refresh(found);
    return found;
  }

  public List<PurchaseOrder> ofShop(UUID shopId, PageRequest page) {
    return em.createQuery("select p from PurchaseOrder p where p.shopId = :shop and (:after is null or p.id > :after)"
            + " order by p.id", PurchaseOrder.class).setParameter("shop", shopId).setParameter("after", page.after())
        .setMaxResults(page.limit() + 1).getResultList();
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public void flush() {
    em.flush();
  }
}
