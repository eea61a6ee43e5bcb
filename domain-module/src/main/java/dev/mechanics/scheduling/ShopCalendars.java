package dev.mechanics.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Repository of the shops' opening hours and closed days. */
@ApplicationScoped
public class ShopCalendars {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public List<OpeningHours> hoursOf(UUID shopId) {
    return em.createQuery("select h from OpeningHours h where h.shopId = :shop order by h.weekday",
        OpeningHours.class).setParameter("shop", shopId).getResultList();
  }

  public List<ClosedDay> closedDaysOf(UUID shopId, LocalDate from) {
    return em.createQuery("select d from ClosedDay d where d.shopId = :shop and d.day >= :from order by d.day",
        ClosedDay.class).setParameter("shop", shopId).setParameter("from", from).getResultList();
  }

  /** The shop's closed days from {@code from} to {@code to}, both inclusive. */
  public List<LocalDate> closedDaysIn(UUID shopId, LocalDate from, LocalDate to) {
    return em.createQuery("select d.day from ClosedDay d where d.shopId = :shop and d.day between :from and :to",
        LocalDate.class).setParameter("shop", shopId).setParameter("from", from).setParameter("to", to)
        .getResultList();
  }

  /** Serializes changes of one shop's hours (they span many rows and have no version of their own). */
  public void lock(UUID shopId) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, shopId.getMostSignificantBits() ^ shopId.getLeastSignificantBits()).getSingleResult();
  }

  /** Replaces the shop's week and its closed days from {@code from} on (earlier closed days are history). */
  public void replace(UUID shopId, List<OpeningHours> hours, LocalDate from, List<ClosedDay> closed) {
    em.createQuery("delete from OpeningHours h where h.shopId = :shop").setParameter("shop", shopId)
        .executeUpdate();
    em.createQuery("delete from ClosedDay d where d.shopId = :shop and d.day >= :from").setParameter("shop", shopId)
        .setParameter("from", from).executeUpdate();
    hours.forEach(em::persist);
    closed.forEach(em::persist);
    em.flush();
  }
}
