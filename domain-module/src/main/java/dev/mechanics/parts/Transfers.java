package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Transfers between the shops of the organization, and their receipts. */
@ApplicationScoped
public class Transfers {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Transfer require(UUID id) {
    return em.createQuery("select t from Transfer t where t.id = :id", Transfer.class).setParameter("id", id)
        .getResultStream().findFirst().orElseThrow(() -> new DomainException.NotFound("transfer", id));
  }

  public Transfer requireForUpdate(UUID id) {
    Transfer found = em.createQuery("select t from Transfer t where t.id = :id", Transfer.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("transfer", id));
    em.refresh(found);
    return found;
  }

  /** Both directions: what the shop sends and what it receives (in transit is visible to both). */
  public List<Transfer> ofShop(UUID shopId, PageRequest page) {
    return em.createQuery("select t from Transfer t where (t.fromShopId = :shop or t.toShopId = :shop)"
            + " and (:after is null or t.id > :after) order by t.id", Transfer.class)
        .setParameter("shop", shopId).setParameter("after", page.after()).setMaxResults(page.limit() + 1)
        .getResultList();
  }

  /**
   * Serializes the requests that carry one Idempotency-Key (there is no row to lock before the transfer
   * exists), so a retry racing the original finds its transfer instead of failing on the unique key.
   */
  public void lockKey(String key) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext('transfer:' || ?1))").setParameter(1, key)
        .getSingleResult();
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public void flush() {
    em.flush();
  }
}
