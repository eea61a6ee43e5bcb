package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of work orders, their lines and their status history. */
@ApplicationScoped
public class WorkOrders {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The work order with its lines, in one statement whatever the number of lines. */
  public Optional<WorkOrder> find(UUID id) {
    return em.createQuery("select distinct w from WorkOrder w left join fetch w.lines where w.id = :id",
            WorkOrder.class).setParameter("id", id).getResultStream().findFirst();
  }

  /** The work order, or 404 (another organization's is as unknown as one that never existed). */
  public WorkOrder require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("work order", id));
  }

  /** The shop of a work order, without loading it (a later row lock must read it fresh). */
  public Optional<UUID> shopOf(UUID id) {
    return em.createQuery("select w.shopId from WorkOrder w where w.id = :id", UUID.class).setParameter("id", id)
        .getResultStream().findFirst();
  }

  /** The work order locked for the rest of the transaction (invoicing, approvals), or 404. */
  public WorkOrder requireForUpdate(UUID id) {
    WorkOrder found = em.createQuery("select w from WorkOrder w where w.id = :id", WorkOrder.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("work order", id));
    found.getLines().size();
    return found;
  }

  /**
   * A page of a shop's board; lines come in one batched statement (default_batch_fetch_size), not one each.
   * {@code assignedTo} not null: only work orders assigned to that technician (on the order or on a line).
   */
  /** A card of the board: the work order (its lines loaded) with its customer and vehicle. */
  public record BoardRow(WorkOrder workOrder, Customer customer, Vehicle vehicle) {
  }

  /**
   * A page of the shop's board in two statements whatever its size: the work orders with their customers and
   * vehicles, then their lines.
   */
  public List<BoardRow> board(UUID shopId, WorkOrderKind kind, PageRequest page, UUID assignedTo) {
    String assigned = assignedTo == null ? "" : """
         and (array_contains(w.technicianIds, :tech)
              or exists (select 1 from WorkOrderLine l where l.workOrder = w and l.technicianId = :tech))""";
    var query = em.createQuery("""
            select w, c, v from WorkOrder w
              left join Customer c on c.id = w.customerId
              left join Vehicle v on v.id = w.vehicleId
            where w.shopId = :shop and (:kind is null or w.kind = :kind) and (:after is null or w.id > :after)"""
            + assigned + " order by w.id", Object[].class)
        .setParameter("shop", shopId).setParameter("kind", kind).setParameter("after", page.after());
    if (assignedTo != null) {
      query.setParameter("tech", assignedTo);
    }
    List<BoardRow> rows = query.setMaxResults(page.limit() + 1).getResultList().stream()
        .map(r -> new BoardRow((WorkOrder) r[0], (Customer) r[1], (Vehicle) r[2])).toList();
    if (!rows.isEmpty()) {
      em.createQuery("select distinct w from WorkOrder w left join fetch w.lines where w in :orders",
          WorkOrder.class).setParameter("orders", rows.stream().map(BoardRow::workOrder).toList()).getResultList();
    }
    return rows;
  }

  public List<WorkOrderLine> declinedLinesOf(UUID vehicleId, UUID exceptWorkOrder) {
    return em.createQuery("""
            select l from WorkOrderLine l join fetch l.workOrder w
            where w.vehicleId = :vehicle and w.id <> :except and l.approval = :declined
            order by l.id""", WorkOrderLine.class)
        .setParameter("vehicle", vehicleId).setParameter("except", exceptWorkOrder)
        .setParameter("declined", LineApproval.DECLINED).setMaxResults(200).getResultList();
  }

  public void add(WorkOrder workOrder) {
    em.persist(workOrder);
  }

  public void add(StatusChange change) {
    em.persist(change);
  }

  /** A change to lines alone must still bump the work order's version (ETag) and updated_at. */
  public WorkOrder touch(WorkOrder workOrder) {
    // the new version now, not at commit: the answer (and a stored idempotent answer) carries the ETag the work
    // order will have; a change to the order itself is flushed first, so the two never add up to a stale answer
    em.flush();
    em.lock(workOrder, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    em.flush();
    return workOrder;
  }

  /** {@link #touch(WorkOrder)}, and the live board hears of it once the transaction commits. */
  public WorkOrder touch(WorkOrder workOrder, WorkOrderChange change) {
    touch(workOrder);
    announce(workOrder.getId(), change);
    return workOrder;
  }

  /** {@link #announce(UUID, WorkOrderChange)} of a work order whose changes may not be flushed yet. */
  public void announce(WorkOrder workOrder, WorkOrderChange change) {
    em.flush();
    announce(workOrder.getId(), change);
  }

  /**
   * Tells the live board, on commit, that the work order changed (V50: one event per work order and transaction,
   * a NOTIFY only if the transaction commits). The work order must be flushed already.
   */
  public void announce(UUID workOrderId, WorkOrderChange change) {
    em.createNativeQuery("select announce_work_order(cast(:id as uuid), cast(:change as varchar))")
        .setParameter("id", workOrderId.toString()).setParameter("change", change.wire()).getSingleResult();
  }

  public List<StatusChange> history(UUID workOrderId) {
    return em.createQuery("select c from StatusChange c where c.workOrderId = :wo order by c.changedAt, c.id",
        StatusChange.class).setParameter("wo", workOrderId).getResultList();
  }
}
