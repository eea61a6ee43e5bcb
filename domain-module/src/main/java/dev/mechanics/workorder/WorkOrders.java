package dev.mechanics.workorder;

import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of work orders, their board columns, status history and the shops' tax rates. */
@ApplicationScoped
public class WorkOrders {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The work order with its lines, in one statement whatever the number of lines. */
  public Optional<WorkOrder> find(UUID id) {
    return em.createQuery("select distinct w from WorkOrder w left join fetch w.lines where w.id = :id",
            WorkOrder.class).setParameter("id", id).getResultStream().findFirst();
  }

  /** The shop of a work order, without loading it (a later row lock must read it fresh). */
  public Optional<UUID> shopOf(UUID id) {
    return em.createQuery("select w.shopId from WorkOrder w where w.id = :id", UUID.class).setParameter("id", id)
        .getResultStream().findFirst();
  }

  /** The same, locked for the rest of the transaction (invoicing, approvals). */
  public Optional<WorkOrder> findForUpdate(UUID id) {
    Optional<WorkOrder> found = em.createQuery("select w from WorkOrder w where w.id = :id", WorkOrder.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    found.ifPresent(w -> w.getLines().size());
    return found;
  }

  /** A page of a shop's board; lines come in one batched statement (default_batch_fetch_size), not one each. */
  public List<WorkOrder> board(UUID shopId, WorkOrderKind kind, PageRequest page) {
    return board(shopId, kind, page, null);
  }

  /** {@code assignedTo} not null: only work orders assigned to that technician (on the order or on a line). */
  public List<WorkOrder> board(UUID shopId, WorkOrderKind kind, PageRequest page, UUID assignedTo) {
    String assigned = assignedTo == null ? "" : """
         and (array_contains(w.technicianIds, :tech)
              or exists (select 1 from WorkOrderLine l where l.workOrder = w and l.technicianId = :tech))""";
    var query = em.createQuery("""
            select w from WorkOrder w
            where w.shopId = :shop and (:kind is null or w.kind = :kind) and (:after is null or w.id > :after)"""
            + assigned + " order by w.id", WorkOrder.class)
        .setParameter("shop", shopId).setParameter("kind", kind).setParameter("after", page.after());
    if (assignedTo != null) {
      query.setParameter("tech", assignedTo);
    }
    List<WorkOrder> orders = query.setMaxResults(page.limit() + 1).getResultList();
    if (!orders.isEmpty()) {
      em.createQuery("select distinct w from WorkOrder w left join fetch w.lines where w in :orders",
          WorkOrder.class).setParameter("orders", orders).getResultList();
    }
    return orders;
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

  public List<StatusChange> history(UUID workOrderId) {
    return em.createQuery("select c from StatusChange c where c.workOrderId = :wo order by c.changedAt, c.id",
        StatusChange.class).setParameter("wo", workOrderId).getResultList();
  }

  public List<BoardColumn> columns(UUID shopId) {
    return em.createQuery("select c from BoardColumn c where c.shopId = :shop order by c.position",
        BoardColumn.class).setParameter("shop", shopId).getResultList();
  }

  public void add(BoardColumn column) {
    em.persist(column);
  }

  public void removeColumns(UUID shopId) {
    em.createQuery("delete from BoardColumn c where c.shopId = :shop").setParameter("shop", shopId)
        .executeUpdate();
  }

  public List<TaxRule> taxRules(UUID shopId) {
    return em.createQuery("select t from TaxRate t where t.shopId = :shop order by t.position", TaxRate.class)
        .setParameter("shop", shopId).getResultList().stream().map(TaxRate::rule).toList();
  }

  public List<TaxRate> taxRates(Collection<UUID> shopIds) {
    return em.createQuery("select t from TaxRate t where t.shopId in :shops order by t.shopId, t.position", TaxRate.class)
        .setParameter("shops", shopIds).getResultList();
  }

  public void replaceTaxRates(UUID shopId, List<TaxRate> rates) {
    em.createQuery("delete from TaxRate t where t.shopId = :shop").setParameter("shop", shopId).executeUpdate();
    rates.forEach(em::persist);
  }
}
