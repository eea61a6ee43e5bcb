package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of the shops' canned jobs, each loaded with its lines. */
@ApplicationScoped
public class CannedJobs {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<CannedJob> find(UUID id) {
    return em.createQuery("select j from CannedJob j left join fetch j.lines where j.id = :id", CannedJob.class)
        .setParameter("id", id).getResultStream().findFirst();
  }

  public List<CannedJob> of(UUID shopId) {
    return em.createQuery("select distinct j from CannedJob j left join fetch j.lines where j.shopId = :shop "
        + "order by j.name", CannedJob.class).setParameter("shop", shopId).getResultList();
  }

  public void add(CannedJob job) {
    em.persist(job);
    em.flush();
  }
}
