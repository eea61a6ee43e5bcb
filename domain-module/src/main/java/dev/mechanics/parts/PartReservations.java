package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reservations of work-order part lines. */
@ApplicationScoped
public class PartReservations {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<PartReservation> ofLine(UUID lineId) {
    return em.createQuery("select r from PartReservation r where r.lineId = :line", PartReservation.class)
        .setParameter("line", lineId).getResultStream().findFirst();
  }

  public List<PartReservation> ofWorkOrder(UUID workOrderId) {
    return em.createQuery("select r from PartReservation r where r.workOrderId = :wo order by r.id",
        PartReservation.class).setParameter("wo", workOrderId).getResultList();
  }

  /** Lines of this shop still waiting for this part, oldest first (they are filled first). */
  public List<PartReservation> waitingFor(UUID shopId, UUID partId) {
    return em.createQuery("select r from PartReservation r where r.shopId = :shop and r.partId = :part"
            + " and r.onOrder > 0 order by r.id", PartReservation.class)
        .setParameter("shop", shopId).setParameter("part", partId).getResultList();
  }

  public void add(PartReservation reservation) {
    em.persist(reservation);
  }

  public void remove(PartReservation reservation) {
    em.remove(reservation);
  }
}
