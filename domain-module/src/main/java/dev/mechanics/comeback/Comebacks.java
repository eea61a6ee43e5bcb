package dev.mechanics.comeback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of comebacks and the shops' warranty windows. */
@ApplicationScoped
public class Comebacks {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Comeback> of(UUID workOrderId) {
    return em.createQuery("select c from Comeback c where c.workOrderId = :wo", Comeback.class)
        .setParameter("wo", workOrderId).getResultStream().findFirst();
  }

  public List<Comeback> ofVehicle(List<UUID> workOrderIds) {
    return workOrderIds.isEmpty() ? List.of() : em.createQuery("select c from Comeback c where c.workOrderId in :ids",
        Comeback.class).setParameter("ids", workOrderIds).getResultList();
  }

  public Optional<WarrantyWindow> window(UUID shopId) {
    return em.createQuery("select w from WarrantyWindow w where w.shopId = :shop", WarrantyWindow.class)
        .setParameter("shop", shopId).getResultStream().findFirst();
  }

  /** When the work order's invoice was issued (not void), if it was invoiced. */
  public Optional<Instant> invoicedAt(UUID workOrderId) {
    List<?> rows = em.createNativeQuery("select issued_at from invoices where work_order_id = ?1 "
        + "and status <> 'VOID'").setParameter(1, workOrderId).getResultList();
    return rows.stream().findFirst().map(Comebacks::instant);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }

  public void add(Object entity) {
    em.persist(entity);
    em.flush();
  }

  public void flush() {
    em.flush();
  }
}
