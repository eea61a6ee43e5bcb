package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of shops; tenant filtering comes from {@code @TenantId}. */
@ApplicationScoped
public class Shops {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Shop> find(UUID id) {
    return em.createQuery("select s from Shop s where s.id = :id", Shop.class)
        .setParameter("id", id).getResultStream().findFirst();
  }

  /** The shop, or 404: another organization's shop is as unknown as one that never existed. */
  public Shop require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("shop", id));
  }

  /**
   * The shop, row-locked until the transaction ends: replacements of a setting kept as a whole (tax rates, the
   * board) queue here, so the version each one checks is the one it replaces.
   */
  public Shop requireForUpdate(UUID id) {
    return em.createQuery("select s from Shop s where s.id = :id", Shop.class).setParameter("id", id)
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("shop", id));
  }

  public List<Shop> list(PageRequest page) {
    return em.createQuery("select s from Shop s where (:after is null or s.id > :after) order by s.id", Shop.class)
        .setParameter("after", page.after())
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  public boolean nameTaken(String name, UUID exceptId) {
    return !em.createQuery("select s.id from Shop s where lower(s.name) = lower(:name) and s.id <> :except", UUID.class)
        .setParameter("name", name).setParameter("except", exceptId == null ? new UUID(0, 0) : exceptId)
        .setMaxResults(1).getResultList().isEmpty();
  }

  public void add(Shop shop) {
    em.persist(shop);
  }
}
