package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * A card of the board: what it shows of the work order, its customer and vehicle (null when gone), the number
   * of its lines, and its billable lines summed per kind (what its total needs; see {@link #board}).
   */
  public record BoardRow(UUID id, String number, WorkOrderKind kind, String status, Instant statusSince,
                         Instant promisedAt, List<UUID> technicianIds, String customerFirstName,
                         String customerLastName, Integer vehicleYear, String vehicleMake, String vehicleModel,
                         String vin, int lineCount, List<LineSum> billable) {
  }

  /**
   * The lines of one work order that share type, taxability and approval, added up. Their amounts are each
   * rounded once when written, so the sum gives the same subtotal and tax bases as the lines one by one; parts
   * cost is not summed (it is rounded per line), so it is never asked for here.
   */
  public record LineSum(LineType type, boolean taxable, LineApproval approval, Money amount) implements BillableLine {
    @Override
    public LineType getType() {
      return type;
    }

    @Override
    public Money getAmount() {
      return amount;
    }

    @Override
    public boolean isTaxable() {
      return taxable;
    }

    @Override
    public LineApproval getApproval() {
      return approval;
    }

    @Override
    public BigDecimal getQuantity() {
      return BigDecimal.ONE;
    }

    @Override
    public BigDecimal getUnitCost() {
      return null;
    }
  }

  /**
   * A page of the shop's board in two statements whatever its size: the cards' columns with their customers'
   * names and vehicles, then their lines added up per work order and kind. Projections, not entities: the board
   * is read most often of all, and entities would decrypt every customer's contact details and load, snapshot
   * and dirty-check every line for nothing. {@code assignedTo} not null: only work orders assigned to that
   * technician (on the order or on a line).
   */
  public List<BoardRow> board(UUID shopId, WorkOrderKind kind, PageRequest page, UUID assignedTo) {
    String assigned = assignedTo == null ? "" : """
         and (array_contains(w.technicianIds, :tech)
              or exists (select 1 from WorkOrderLine l where l.workOrder = w and l.technicianId = :tech))""";
    var query = em.createQuery("""
            select w.id, w.number, w.kind, w.status, w.statusSince, w.promisedAt, w.technicianIds,
                   c.firstName, c.lastName, v.year, v.make, v.model, v.vin
            from WorkOrder w
              left join Customer c on c.id = w.customerId
              left join Vehicle v on v.id = w.vehicleId
            where w.shopId = :shop and (:kind is null or w.kind = :kind) and (:after is null or w.id > :after)"""
            + assigned + " order by w.id", Object[].class)
        .setParameter("shop", shopId).setParameter("kind", kind).setParameter("after", page.after());
    if (assignedTo != null) {
      query.setParameter("tech", assignedTo);
    }
    List<Object[]> cards = query.setMaxResults(page.limit() + 1).getResultList();
    if (cards.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<LineSum>> sums = new HashMap<>();
    Map<UUID, Integer> counts = new HashMap<>();
    for (Object[] s : em.createQuery("""
            select l.workOrder.id, l.type, l.taxable, l.approval, count(l), sum(l.amount)
            from WorkOrderLine l where l.workOrder.id in :orders
            group by l.workOrder.id, l.type, l.taxable, l.approval""", Object[].class)
        .setParameter("orders", cards.stream().map(c -> (UUID) c[0]).toList()).getResultList()) {
      UUID order = (UUID) s[0];
      counts.merge(order, ((Long) s[4]).intValue(), Integer::sum);
      sums.computeIfAbsent(order, o -> new ArrayList<>())
          .add(new LineSum((LineType) s[1], (Boolean) s[2], (LineApproval) s[3], new Money((BigDecimal) s[5])));
    }
    return cards.stream().map(c -> {
      UUID id = (UUID) c[0];
      UUID[] technicians = (UUID[]) c[6];
      return new BoardRow(id, (String) c[1], (WorkOrderKind) c[2], (String) c[3], (Instant) c[4],
          (Instant) c[5], technicians == null ? List.of() : List.of(technicians), (String) c[7], (String) c[8],
          (Integer) c[9], (String) c[10], (String) c[11], (String) c[12], counts.getOrDefault(id, 0),
          sums.getOrDefault(id, List.of()));
    }).toList();
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
