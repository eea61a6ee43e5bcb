package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Repository of the shops' board columns. */
@ApplicationScoped
public class BoardColumns {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public List<BoardColumn> of(UUID shopId) {
    return em.createQuery("select c from BoardColumn c where c.shopId = :shop order by c.position",
        BoardColumn.class).setParameter("shop", shopId).getResultList();
  }

  /** Replaces the shop's columns; flushed, so a read in the same transaction sees the new board. */
  public void replace(UUID shopId, List<BoardColumn> columns) {
    em.createQuery("delete from BoardColumn c where c.shopId = :shop").setParameter("shop", shopId)
        .executeUpdate();
    em.flush();
    columns.forEach(em::persist);
    em.flush();
  }
}
