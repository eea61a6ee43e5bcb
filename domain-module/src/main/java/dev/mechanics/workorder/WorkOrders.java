package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

/** Repository of work orders, their lines and their status history. */
@ApplicationScoped
public class WorkOrders {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The work order with its lines, in one statement whatever the number of lines. */
  public Optional<WorkOrder> find(UUID id) {
    return find(id, false);
  }

  /** The work order, or 404 (another organization's is as unknown as one that never existed). */
  public WorkOrder require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("work order", id));
  }

  /**
   * As {@link #require}, for a transaction that only reads the work order: it and its lines are loaded read-only,
   * so Hibernate neither snapshots them nor dirty-checks them at commit. Any change made to them is ignored, so
   * nothing that writes may load them this way first.
   */
  public WorkOrder requireToRead(UUID id) {
    return find(id, true).orElseThrow(() -> new DomainException.NotFound("work order", id));
  }

  private Optional<WorkOrder> find(UUID id, boolean readOnly) {
    return em.createQuery("select distinct w from WorkOrder w left join fetch w.lines where w.id = :id",
            WorkOrder.class).setParameter("id", id).setHint(HibernateHints.HINT_READ_ONLY, readOnly)
        .getResultStream().findFirst();
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
   * A card of the board: what it shows of the work order, its customer and vehicle (null when gone), and its lines
   * summed per kind (what its total and line count need; see {@link #board}).
   */
  public record BoardRow(UUID id, String number, WorkOrderKind kind, String status, Instant statusSince,
                         Instant promisedAt, List<UUID> technicianIds, String customerFirstName,
                         String customerLastName, Integer vehicleYear, String vehicleMake, String vehicleModel,
                         String vin, List<LineSum> lineSums) {
    /** All its lines, declined ones too. */
    public int lineCount() {
      return lineSums.stream().mapToInt(LineSum::lines).sum();
    }
  }

  /**
   * The lines of one work order that share type, taxability and approval: how many, and their amounts added up.
   * Their amounts are each
   * rounded once when written, so the sum gives the same subtotal and tax bases as the lines one by one; parts
   * cost is not summed (it is rounded per line), so it is never asked for here.
   */
  public record LineSum(LineType type, boolean taxable, LineApproval approval, int lines, Money amount)
      implements BillableLine {
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
   * A page of the shop's board in one statement whatever its size: the cards' columns with their customers'
   * names and vehicles, and each card's lines added up per type, taxability and approval. Projections, not
   * entities: the board is read most often of all, and entities would decrypt every customer's contact details
   * and load, snapshot and dirty-check every line for nothing. Native SQL, so the organization is a condition
   * on every table here (Hibernate's tenant filter does not see it); in return its plan is kept, where Hibernate
   * translates a filtered query anew on every execution. {@code assignedTo} not null: only work orders assigned
   * to that technician (on the order or on a line).
   */
  public List<BoardRow> board(UUID shopId, WorkOrderKind kind, PageRequest page, UUID assignedTo) {
    String sql = """
        select w.id, w.number, w.kind, w.status, w.status_since, w.promised_at,
               array_to_string(w.technician_ids, ',') as technicians,
               c.first_name, c.last_name, v.model_year, v.make, v.model, v.vin,
               s.type, s.taxable, s.approval, s.lines, s.amount
        from (select * from work_orders w where w.organization_id = :org and w.shop_id = :shop"""
        + (kind == null ? "" : " and w.kind = :kind")
        + (page.after() == null ? "" : " and w.id > :after")
        + (assignedTo == null ? "" : " and (:tech = any(w.technician_ids) or exists (select 1 from work_order_lines l"
            + " where l.organization_id = :org and l.work_order_id = w.id and l.technician_id = :tech))")
        + """
         order by w.id limit :limit) w
          left join customers c on c.organization_id = :org and c.id = w.customer_id
          left join vehicles v on v.organization_id = :org and v.id = w.vehicle_id
          left join lateral (select l.type, l.taxable, l.approval, count(*) as lines, sum(l.amount) as amount
                             from work_order_lines l where l.organization_id = :org and l.work_order_id = w.id
                             group by l.type, l.taxable, l.approval) s on true
        order by w.id""";
    NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
        .addScalar("id", UUID.class).addScalar("number", String.class).addScalar("kind", String.class)
        .addScalar("status", String.class).addScalar("status_since", Instant.class)
        .addScalar("promised_at", Instant.class).addScalar("technicians", String.class)
        .addScalar("first_name", String.class).addScalar("last_name", String.class)
        .addScalar("model_year", Integer.class).addScalar("make", String.class).addScalar("model", String.class)
        .addScalar("vin", String.class).addScalar("type", String.class).addScalar("taxable", Boolean.class)
        .addScalar("approval", String.class).addScalar("lines", Long.class).addScalar("amount", BigDecimal.class)
        .setParameter("org", Tenancy.current()).setParameter("shop", shopId)
        .setParameter("limit", page.limit() + 1);
    if (kind != null) {
      query.setParameter("kind", kind.name());
    }
    if (page.after() != null) {
      query.setParameter("after", page.after());
    }
    if (assignedTo != null) {
      query.setParameter("tech", assignedTo);
    }
    // one row per card and kind of line (one with no kind for a card without lines), in card order
    List<BoardRow> cards = new ArrayList<>();
    Object[] card = null;
    List<LineSum> sums = new ArrayList<>();
    for (Object r : query.getResultList()) {
      Object[] row = (Object[]) r;
      if (card != null && !card[0].equals(row[0])) {
        cards.add(boardRow(card, sums));
        sums = new ArrayList<>();
      }
      card = row;
      if (row[13] != null) {
        sums.add(new LineSum(LineType.valueOf((String) row[13]), (Boolean) row[14],
            LineApproval.valueOf((String) row[15]), ((Long) row[16]).intValue(), new Money((BigDecimal) row[17])));
      }
    }
    if (card != null) {
      cards.add(boardRow(card, sums));
    }
    return cards;
  }

  private static BoardRow boardRow(Object[] c, List<LineSum> sums) {
    String technicians = (String) c[6];
    return new BoardRow((UUID) c[0], (String) c[1], WorkOrderKind.valueOf((String) c[2]), (String) c[3],
        (Instant) c[4], (Instant) c[5], technicians == null || technicians.isEmpty() ? List.of()
            : Arrays.stream(technicians.split(",")).map(UUID::fromString).toList(),
        (String) c[7], (String) c[8], (Integer) c[9], (String) c[10], (String) c[11], (String) c[12],
        List.copyOf(sums));
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
