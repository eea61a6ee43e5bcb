package dev.mechanics.scheduling;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of the shops' bays. */
@ApplicationScoped
public class Bays {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Bay> find(UUID id) {
    return Optional.ofNullable(em.find(Bay.class, id));
  }

  public Bay require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("bay", id));
  }

  public List<Bay> of(UUID shopId) {
    return em.createQuery("select b from Bay b where b.shopId = :shop order by b.name, b.id", Bay.class)
        .setParameter("shop", shopId).getResultList();
  }

  public boolean nameTaken(UUID shopId, String name, UUID exceptId) {
    return !em.createQuery("select b.id from Bay b where b.shopId = :shop and lower(b.name) = lower(:name) "
            + "and b.id <> :except", UUID.class).setParameter("shop", shopId).setParameter("name", name)
        .setParameter("except", exceptId == null ? new UUID(0, 0) : exceptId).getResultList().isEmpty();
  }

  public void add(Bay bay) {
    em.persist(bay);
    em.flush();
  }

  public Bay touch(Bay bay) {
    em.flush();
    return bay;
  }
}
