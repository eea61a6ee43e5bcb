package dev.mechanics.timeclock;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of clock entries and events. */
@ApplicationScoped
public class ClockEntries {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public ClockEntry require(UUID id) {
    return Optional.ofNullable(em.find(ClockEntry.class, id))
        .orElseThrow(() -> new DomainException.NotFound("clock entry", id));
  }

  /** The technician's running entry of that kind, if any. */
  public Optional<ClockEntry> running(UUID technicianId, ClockEntry.Kind kind) {
    return em.createQuery("select e from ClockEntry e where e.technicianId = :tech and e.kind = :kind "
            + "and e.endedAt is null", ClockEntry.class).setParameter("tech", technicianId)
        .setParameter("kind", kind).getResultStream().findFirst();
  }

  /** Entries of the shop overlapping {@code [from, to)}, optionally of one technician, by start. */
  public List<ClockEntry> of(UUID shopId, UUID technicianId, Instant from, Instant to) {
    return em.createQuery("select e from ClockEntry e where e.shopId = :shop and e.startedAt < :to "
            + "and (e.endedAt is null or e.endedAt > :from) and (:tech is null or e.technicianId = :tech) "
            + "order by e.startedAt, e.id", ClockEntry.class).setParameter("shop", shopId)
        .setParameter("from", from).setParameter("to", to).setParameter("tech", technicianId).getResultList();
  }

  public Optional<dev.mechanics.workorder.WorkOrderLine> line(UUID lineId) {
    return Optional.ofNullable(em.find(dev.mechanics.workorder.WorkOrderLine.class, lineId));
  }

  /** One writer per technician at a time: a retried clock-on waits for the first and then finds its event. */
  public void lockTechnician(UUID technicianId) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, technicianId.getMostSignificantBits() ^ technicianId.getLeastSignificantBits())
        .getSingleResult();
  }

  public void add(ClockEntry entry) {
    em.persist(entry);
  }

  public void add(ClockEvent event) {
    em.persist(event);
  }

  /** Writes pending changes now (a stopped job must be written before the next one starts). */
  public void flush() {
    em.flush();
  }
}
