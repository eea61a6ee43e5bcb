package dev.mechanics.parts;

import dev.mechanics.platform.Ids;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stock rows and their movements. Every change locks the (shop, part) row first, so changes queue per part. */
@ApplicationScoped
public class Stocks {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Stock> find(UUID shopId, UUID partId) {
    return em.createQuery("select s from Stock s where s.shopId = :shop and s.partId = :part", Stock.class)
        .setParameter("shop", shopId).setParameter("part", partId).getResultStream().findFirst();
  }

  /**
   * The average cost without loading the row: a loaded row would make the later locking read of this
   * transaction see "a conflicting version" when another transaction changed it in between.
   */
  public BigDecimal averageCost(UUID shopId, UUID partId) {
    return em.createQuery("select s.averageCost from Stock s where s.shopId = :shop and s.partId = :part",
            BigDecimal.class).setParameter("shop", shopId).setParameter("part", partId).getResultStream()
        .findFirst().orElse(BigDecimal.ZERO);
  }

  /** The stock row, or an empty one (not stored) when the shop never held the part. */
  public Stock findOrEmpty(UUID shopId, UUID partId) {
    return find(shopId, partId).orElseGet(() -> Stock.empty(Tenancy.current(), shopId, partId));
  }

  /**
   * The row locked for this transaction (created at zero when the shop never held the part). Concurrent
   * reservations of one part in one shop queue here, so "available" is read and changed by one at a time.
   */
  public Stock lock(UUID shopId, UUID partId) {
    em.createNativeQuery("insert into shop_stock (id, organization_id, shop_id, part_id, created_at, updated_at) "
            + "values (?1, ?2, ?3, ?4, now(), now()) on conflict (shop_id, part_id) do nothing")
        .setParameter(1, Ids.newId()).setParameter(2, Tenancy.current()).setParameter(3, shopId)
        .setParameter(4, partId).executeUpdate();
    Stock stock = em.createQuery("select s from Stock s where s.shopId = :shop and s.partId = :part", Stock.class)
        .setParameter("shop", shopId).setParameter("part", partId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getSingleResult();
    em.refresh(stock);
    return stock;
  }

  public void book(StockMovement movement) {
    em.persist(movement);
  }

  public List<Stock> ofPart(UUID partId) {
    return em.createQuery("select s from Stock s where s.partId = :part order by s.shopId", Stock.class)
        .setParameter("part", partId).getResultList();
  }

  public List<Stock> ofParts(List<UUID> partIds) {
    if (partIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select s from Stock s where s.partId in :parts order by s.shopId", Stock.class)
        .setParameter("parts", partIds).getResultList();
  }

  /** A shop's stock rows in id order; {@code lowOnly}: those at or below their reorder point. */
  public List<Stock> ofShop(UUID shopId, boolean lowOnly, PageRequest page) {
    return em.createQuery("select s from Stock s where s.shopId = :shop and (:after is null or s.id > :after)"
            + (lowOnly ? " and s.reorderQuantity > 0 and s.onHand - s.reserved <= s.reorderPoint" : "")
            + " order by s.id", Stock.class)
        .setParameter("shop", shopId).setParameter("after", page.after()).setMaxResults(page.limit() + 1)
        .getResultList();
  }

  public List<StockMovement> movements(UUID shopId, UUID partId, PageRequest page) {
    return em.createQuery("select m from StockMovement m where m.shopId = :shop and m.partId = :part"
            + " and (:after is null or m.id > :after) order by m.id", StockMovement.class)
        .setParameter("shop", shopId).setParameter("part", partId).setParameter("after", page.after())
        .setMaxResults(page.limit() + 1).getResultList();
  }

  /** The sums of the movements: {on hand, reserved}; they equal the stock row's figures. */
  public BigDecimal[] sums(UUID shopId, UUID partId) {
    Object[] row = (Object[]) em.createQuery("select coalesce(sum(m.onHandDelta), 0), coalesce(sum(m.reservedDelta),"
            + " 0) from StockMovement m where m.shopId = :shop and m.partId = :part")
        .setParameter("shop", shopId).setParameter("part", partId).getSingleResult();
    return new BigDecimal[] {(BigDecimal) row[0], (BigDecimal) row[1]};
  }
}
