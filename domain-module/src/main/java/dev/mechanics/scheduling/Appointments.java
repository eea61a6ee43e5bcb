package dev.mechanics.scheduling;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Repository of appointments; turns the database's refusal of a double booking into a 409. */
@ApplicationScoped
public class Appointments {

  private static final String EXCLUSION_VIOLATION = "23P01";

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Appointment> find(UUID id) {
    return Optional.ofNullable(em.find(Appointment.class, id));
  }

  public Appointment require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("appointment", id));
  }

  /** The shop's appointments that overlap {@code [from, to)}, any status, by start. */
  public List<Appointment> of(UUID shopId, Instant from, Instant to) {
    return em.createQuery("select a from Appointment a where a.shopId = :shop and a.startsAt < :to "
            + "and a.endsAt > :from order by a.startsAt, a.id", Appointment.class)
        .setParameter("shop", shopId).setParameter("from", from).setParameter("to", to).getResultList();
  }

  /**
   * Booked periods of the given bays overlapping {@code [from, to)} as epoch milliseconds (start rounded down, end
   * up), {@code [start0, end0, start1, end1, ...]} per bay, each sorted by start. Native SQL, so the organization
   * is a condition here (Hibernate's tenant filter does not see it), and PostgreSQL turns the timestamps into
   * numbers: read as timestamps, the driver's Calendar work for 6,000 values cost more than the search itself.
   */
  public Map<UUID, long[]> busy(UUID shopId, Collection<UUID> bayIds, Instant from, Instant to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select bay_id, "
            + "floor(extract(epoch from starts_at) * 1000)::bigint, ceil(extract(epoch from ends_at) * 1000)::bigint "
            + "from appointments where organization_id = ?1 and shop_id = ?2 and starts_at < ?3 and ends_at > ?4 "
            + "and status in ('BOOKED', 'CHECKED_IN') and bay_id in (?5) order by starts_at")
        .setParameter(1, Tenancy.current()).setParameter(2, shopId).setParameter(3, to).setParameter(4, from)
        .setParameter(5, bayIds).getResultList();
    Map<UUID, long[]> byBay = new HashMap<>();
    Map<UUID, Integer> used = new HashMap<>();
    for (Object[] row : rows) {
      UUID bay = (UUID) row[0];
      int n = used.getOrDefault(bay, 0);
      long[] pairs = byBay.get(bay);
      if (pairs == null || pairs.length < n + 2) {
        pairs = pairs == null ? new long[64] : Arrays.copyOf(pairs, pairs.length * 2);
        byBay.put(bay, pairs);
      }
      pairs[n] = ((Number) row[1]).longValue();
      pairs[n + 1] = ((Number) row[2]).longValue();
      used.put(bay, n + 2);
    }
    used.forEach((bay, n) -> byBay.put(bay, Arrays.copyOf(byBay.get(bay), n)));
    return byBay;
  }

  /** A technician's booked periods overlapping {@code [from, to)} (in any shop). */
  public List<Object[]> busyTechnician(UUID technicianId, Instant from, Instant to) {
    return em.createQuery("select a.startsAt, a.endsAt from Appointment a where a.technicianId = :tech "
            + "and a.startsAt < :to and a.endsAt > :from and a.status in :holding", Object[].class)
        .setParameter("tech", technicianId).setParameter("from", from).setParameter("to", to)
        .setParameter("holding", List.of(Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN))
        .getResultList();
  }

  /** Booked appointments of the shop starting in {@code [from, to)} whose reminder has not gone out, by start. */
  public List<Appointment> toRemind(UUID shopId, Instant from, Instant to) {
    return em.createQuery("select a from Appointment a where a.shopId = :shop and a.status = :booked "
            + "and a.remindedAt is null and a.startsAt >= :from and a.startsAt < :to order by a.startsAt, a.id",
            Appointment.class).setParameter("shop", shopId).setParameter("booked", Appointment.Status.BOOKED)
        .setParameter("from", from).setParameter("to", to).getResultList();
  }

  public void add(Appointment appointment) {
    em.persist(appointment);
    flush();
  }

  public Appointment touch(Appointment appointment) {
    flush();
    return appointment;
  }

  /** Writes now, so that the exclusion constraints answer inside the use case (one 409, nothing stored). */
  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      String message = sqlMessage(e);
      if (message != null) {
        throw new DomainException.Conflict(message.contains("technician_not_double_booked")
            ? "The technician is already booked at that time" : "The bay is already booked at that time");
      }
      throw e;
    }
  }

  private static String sqlMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
        return String.valueOf(sql.getMessage());
      }
    }
    return null;
  }
}
