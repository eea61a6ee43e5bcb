package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.mechanics.platform.Ids;
import java.sql.Timestamp;
import java.time.Instant;
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

  /**
   * Writes the shop's first board unless it has one: concurrent first work orders of a new shop each try, the
   * first insert wins and the others wait for it and add nothing ({@code on conflict do nothing}; issue 15.10:
   * they hit {@code board_columns_shop_code_uq} and answered 409).
   */
  public List<BoardColumn> ensure(UUID organizationId, UUID shopId, List<BoardColumnSpec> specs) {
    Instant now = Instant.now();
    int position = 0;
    for (BoardColumnSpec spec : specs) {
      em.createNativeQuery("insert into board_columns (id, organization_id, shop_id, code, name, position, "
              + "next_codes, created_at, updated_at, version) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 0) "
              + "on conflict (shop_id, code) do nothing")
          .setParameter(1, Ids.newId()).setParameter(2, organizationId).setParameter(3, shopId)
          .setParameter(4, spec.code()).setParameter(5, spec.name()).setParameter(6, ++position)
          .setParameter(7, String.join(",", spec.next())).setParameter(8, Timestamp.from(now)).executeUpdate();
    }
    return of(shopId);
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
