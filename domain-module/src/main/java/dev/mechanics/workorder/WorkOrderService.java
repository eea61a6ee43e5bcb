package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Use cases of the work order: write the estimate and its lines, start the repair, move it on the board. */
@ApplicationScoped
@Transactional
public class WorkOrderService {

  /** The board every shop starts with until it configures its own. */
  static final List<BoardColumnSpec> DEFAULT_BOARD = List.of(
      new BoardColumnSpec("WAITING", "Waiting", List.of("IN_BAY")),
      new BoardColumnSpec("IN_BAY", "In bay", List.of("WAITING_PARTS", "QUALITY_CHECK", "WAITING")),
      new BoardColumnSpec("WAITING_PARTS", "Waiting for parts", List.of("IN_BAY")),
      new BoardColumnSpec("QUALITY_CHECK", "Quality check", List.of("IN_BAY", "READY")),
      new BoardColumnSpec("READY", "Ready for pick-up", List.of("IN_BAY")));

  /** A board column as configured: its code, display name and the codes a car may move to from it. */
  public record BoardColumnSpec(String code, String name, List<String> next) {
  }

  /** A work order with what the board shows next to it, loaded in a constant number of statements. */
  public record BoardEntry(WorkOrder workOrder, Customer customer, Vehicle vehicle, Totals totals) {
  }

  /** Fired after a work order is created (metrics). */
  public record WorkOrderCreated(UUID organizationId, UUID shopId, UUID workOrderId) {
  }

  public record NewWorkOrder(UUID shopId, UUID customerId, UUID vehicleId, Integer mileageIn, String complaint,
                             List<UUID> technicianIds, Instant promisedAt) {
  }

  @Inject
  dev.mechanics.audit.AuditTrail audit;

  @Inject
  WorkOrders workOrders;

  @Inject
  NumberSequences numbers;

  @Inject
  Shops shops;

  @Inject
  Vehicles vehicles;

  @Inject
  Event<WorkOrderCreated> created;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public WorkOrder create(NewWorkOrder request, UUID createdBy) {
    Shop shop = shops.find(request.shopId())
        .orElseThrow(() -> DomainException.InvalidInput.field("shopId", "no such shop"));
    Vehicle vehicle = vehicles.find(request.vehicleId())
        .orElseThrow(() -> DomainException.InvalidInput.field("vehicleId", "no such vehicle"));
    if (!vehicle.getCustomerId().equals(request.customerId())) {
      throw DomainException.InvalidInput.field("vehicleId", "the vehicle does not belong to this customer");
    }
    List<BoardColumn> board = boardOf(shop.getId());
    long sequence = numbers.next(Tenancy.current(), shop.getId(), NumberSequences.WORK_ORDER, 0);
    WorkOrder workOrder = new WorkOrder(Tenancy.current(), shop.getId(), "WO-%06d".formatted(sequence),
        request.customerId(), request.vehicleId(), board.get(0).getCode(), createdBy);
    workOrder.describe(request.mileageIn(), request.complaint(), null, null, request.technicianIds(),
        request.promisedAt());
    workOrders.add(workOrder);
    workOrders.add(new StatusChange(workOrder, null, workOrder.getStatus(), createdBy));
    created.fire(new WorkOrderCreated(Tenancy.current(), shop.getId(), workOrder.getId()));
    return workOrder;
  }

  public WorkOrder get(UUID id) {
    return workOrders.find(id).orElseThrow(() -> new DomainException.NotFound("work order", id));
  }

  /**
   * The work order if {@code caller} may see it. A caller who is only a technician sees the work assigned to
   * them (on the work order or on one of its lines); any other work order is as absent to them as another
   * organization's (404), so its id reveals nothing.
   */
  public WorkOrder get(Caller caller, UUID id) {
    WorkOrder workOrder = get(id);
    if (!caller.may(Capability.SEE_ALL_WORK) && !isAssigned(workOrder, caller.userId())) {
      throw new DomainException.NotFound("work order", id);
    }
    return workOrder;
  }

  static boolean isAssigned(WorkOrder workOrder, UUID userId) {
    return workOrder.getTechnicianIds().contains(userId)
        || workOrder.getLines().stream().anyMatch(l -> userId.equals(l.getTechnicianId()));
  }

  public Totals totalsOf(WorkOrder workOrder) {
    return Totals.of(workOrder.getLines(), workOrders.taxRules(workOrder.getShopId()));
  }

  public WorkOrder change(UUID id, long expectedVersion, Integer mileageIn, String complaint, String cause,
                          String correction, List<UUID> technicians, Instant promisedAt) {
    WorkOrder workOrder = get(id);
    workOrder.requireVersion(expectedVersion, "work order");
    workOrder.describe(mileageIn, complaint, cause, correction, technicians, promisedAt);
    return touched(workOrder);
  }

  public WorkOrderLine addLine(UUID workOrderId, LineDetails details) {
    WorkOrder workOrder = get(workOrderId);
    WorkOrderLine line = workOrder.addLine(details, laborRateOf(workOrder));
    auditLine("work-order.line-added", workOrder, null, line);
    touched(workOrder);
    return line;
  }

  public WorkOrderLine changeLine(UUID workOrderId, UUID lineId, long expectedVersion, LineDetails details) {
    WorkOrder workOrder = get(workOrderId);
    workOrder.requireVersion(expectedVersion, "work order");
    Map<String, String> before = lineState(workOrder.line(lineId));
    WorkOrderLine line = workOrder.changeLine(lineId, details, laborRateOf(workOrder));
    audit.record("work-order.line-changed", "work-order", workOrder.getId(), workOrder.getShopId(), before,
        lineState(line));
    touched(workOrder);
    return line;
  }

  public void removeLine(UUID workOrderId, UUID lineId, Long expectedVersion) {
    WorkOrder workOrder = get(workOrderId);
    if (expectedVersion != null) {
      workOrder.requireVersion(expectedVersion, "work order");
    }
    WorkOrderLine line = workOrder.line(lineId);
    auditLine("work-order.line-removed", workOrder, line, null);
    workOrder.removeLine(lineId);
    touched(workOrder);
  }

  private void auditLine(String action, WorkOrder workOrder, WorkOrderLine before, WorkOrderLine after) {
    audit.record(action, "work-order", workOrder.getId(), workOrder.getShopId(),
        before == null ? null : lineState(before), after == null ? null : lineState(after));
  }

  /** A line as the audit trail keeps it: what was sold and for how much (no personal data on a line). */
  static Map<String, String> lineState(WorkOrderLine line) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("lineId", line.getId().toString());
    state.put("type", line.getType().name());
    state.put("description", line.getDescription());
    putIfSet(state, "hours", line.getHours());
    putIfSet(state, "rate", line.getRate());
    putIfSet(state, "quantity", line.getQuantity());
    putIfSet(state, "unitCost", line.getUnitCost());
    putIfSet(state, "unitPrice", line.getUnitPrice());
    state.put("amount", line.getAmount().toString());
    state.put("taxable", Boolean.toString(line.isTaxable()));
    putIfSet(state, "technicianId", line.getTechnicianId());
    putIfSet(state, "partNumber", line.getPartNumber());
    return state;
  }

  private static void putIfSet(Map<String, String> state, String key, Object value) {
    if (value != null) {
      state.put(key, value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
    }
  }

  public WorkOrder startRepair(UUID id) {
    WorkOrder workOrder = get(id);
    workOrder.startRepair();
    return touched(workOrder);
  }

  public WorkOrder moveTo(UUID id, String status, UUID by) {
    WorkOrder workOrder = get(id);
    Map<String, BoardColumn> columns = boardOf(workOrder.getShopId()).stream()
        .collect(Collectors.toMap(BoardColumn::getCode, Function.identity()));
    if (!columns.containsKey(status)) {
      throw DomainException.InvalidInput.field("status", "is not a column of this shop's board: "
          + String.join(", ", columns.keySet()));
    }
    BoardColumn current = columns.get(workOrder.getStatus());
    if (current != null && !current.getNext().contains(status)) {
      throw new DomainException.Conflict("A work order in " + workOrder.getStatus() + " cannot move to " + status
          + "; allowed: " + (current.getNext().isEmpty() ? "none" : String.join(", ", current.getNext())));
    }
    String from = workOrder.getStatus();
    workOrders.add(workOrder.moveTo(status, by));
    audit.record("work-order.status-changed", "work-order", workOrder.getId(), workOrder.getShopId(),
        java.util.Map.of("status", from == null ? "" : from), java.util.Map.of("status", status));
    return touched(workOrder);
  }

  public List<StatusChange> history(UUID id) {
    get(id);
    return workOrders.history(id);
  }

  /** Time spent in each status so far, from the history (the current status counts up to now). */
  public Map<String, Duration> timeInStatus(List<StatusChange> history, Instant now) {
    Map<String, Duration> spent = new LinkedHashMap<>();
    for (int i = 0; i < history.size(); i++) {
      StatusChange change = history.get(i);
      Instant end = i + 1 < history.size() ? history.get(i + 1).getChangedAt() : now;
      spent.merge(change.getToStatus(), Duration.between(change.getChangedAt(), end), Duration::plus);
    }
    return spent;
  }

  public List<BoardColumn> boardOf(UUID shopId) {
    if (shops.find(shopId).isEmpty()) {
      throw new DomainException.NotFound("shop", shopId);
    }
    List<BoardColumn> columns = workOrders.columns(shopId);
    if (columns.isEmpty()) {
      columns = configureBoard(shopId, DEFAULT_BOARD);
    }
    return columns;
  }

  /** Replaces the shop's board: owners and the shop's managers (another organization's shop: 404). */
  public List<BoardColumn> configureBoard(Caller caller, UUID shopId, List<BoardColumnSpec> specs) {
    shops.require(shopId);
    caller.requireIn(Capability.CONFIGURE_SHOP, shopId, "change its board");
    return configureBoard(shopId, specs);
  }

  private List<BoardColumn> configureBoard(UUID shopId, List<BoardColumnSpec> specs) {
    Set<String> codes = specs.stream().map(BoardColumnSpec::code).collect(Collectors.toSet());
    if (codes.size() != specs.size() || specs.isEmpty()) {
      throw DomainException.InvalidInput.field("columns", "needs at least one column, each code once");
    }
    for (BoardColumnSpec spec : specs) {
      for (String next : spec.next()) {
        if (!codes.contains(next)) {
          throw DomainException.InvalidInput.field("columns", spec.code() + " leads to unknown column " + next);
        }
      }
    }
    workOrders.removeColumns(shopId);
    em.flush();
    int position = 0;
    for (BoardColumnSpec spec : specs) {
      workOrders.add(new BoardColumn(Tenancy.current(), shopId, spec.code(), spec.name(), ++position,
          spec.next()));
    }
    em.flush();
    return workOrders.columns(shopId);
  }

  public Page<BoardEntry> board(UUID shopId, WorkOrderKind kind, PageRequest page) {
    return board(shopId, kind, page, null);
  }

  /** The board as {@code caller} sees it: a technician's board holds only the work assigned to them. */
  public Page<BoardEntry> board(Caller caller, UUID shopId, WorkOrderKind kind, PageRequest page) {
    return board(shopId, kind, page, caller.may(Capability.SEE_ALL_WORK) ? null : caller.userId());
  }

  private Page<BoardEntry> board(UUID shopId, WorkOrderKind kind, PageRequest page, UUID assignedTo) {
    if (shops.find(shopId).isEmpty()) {
      throw new DomainException.NotFound("shop", shopId);
    }
    List<WorkOrder> rows = workOrders.board(shopId, kind, page, assignedTo);
    Map<UUID, Customer> customers = byId(Customer.class, rows.stream().map(WorkOrder::getCustomerId).toList());
    Map<UUID, Vehicle> vehiclesById = byId(Vehicle.class, rows.stream().map(WorkOrder::getVehicleId).toList());
    List<TaxRule> rules = workOrders.taxRules(shopId);
    Page<WorkOrder> orders = Page.of(rows, page.limit(), WorkOrder::getId);
    return orders.map(w -> new BoardEntry(w, customers.get(w.getCustomerId()),
        vehiclesById.get(w.getVehicleId()), Totals.of(w.getLines(), rules)));
  }

  /** Declined work on this vehicle from earlier visits: the recommendations to offer again. */
  public List<WorkOrderLine> recommendations(UUID workOrderId) {
    WorkOrder workOrder = get(workOrderId);
    return workOrders.declinedLinesOf(workOrder.getVehicleId(), workOrder.getId());
  }

  private <T extends dev.mechanics.platform.TenantOwnedEntity> Map<UUID, T> byId(Class<T> type, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, T> found = new HashMap<>();
    em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
        .setParameter("ids", Set.copyOf(ids)).getResultList().forEach(e -> found.put(e.getId(), e));
    return found;
  }

  private Money laborRateOf(WorkOrder workOrder) {
    return shops.find(workOrder.getShopId()).map(s -> new Money(s.getLaborRate())).orElse(Money.ZERO);
  }

  /** A change to lines alone must still bump the work order's version (ETag) and updated_at. */
  private WorkOrder touched(WorkOrder workOrder) {
    em.lock(workOrder, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    return workOrder;
  }

  public CannedJob defineCannedJob(UUID shopId, String name, List<LineDetails> lines) {
    if (shops.find(shopId).isEmpty()) {
      throw new DomainException.NotFound("shop", shopId);
    }
    // each line must be writable as it stands: checked on a throw-away work order line
    WorkOrder probe = new WorkOrder(Tenancy.current(), shopId, "probe", new UUID(0, 0), new UUID(0, 0), "-",
        new UUID(0, 0));
    lines.forEach(l -> probe.addLine(l, Money.ZERO));
    CannedJob job = new CannedJob(Tenancy.current(), shopId, name, lines);
    em.persist(job);
    em.flush();
    return job;
  }

  public List<CannedJob> cannedJobs(UUID shopId) {
    if (shops.find(shopId).isEmpty()) {
      throw new DomainException.NotFound("shop", shopId);
    }
    return em.createQuery("select distinct j from CannedJob j left join fetch j.lines where j.shopId = :shop "
        + "order by j.name", CannedJob.class).setParameter("shop", shopId).getResultList();
  }

  /** Inserts all lines of a canned job of the work order's shop, in one transaction. */
  public WorkOrder applyCannedJob(UUID workOrderId, UUID cannedJobId) {
    WorkOrder workOrder = get(workOrderId);
    CannedJob job = em.createQuery("select j from CannedJob j left join fetch j.lines where j.id = :id",
            CannedJob.class).setParameter("id", cannedJobId).getResultStream().findFirst()
        .filter(j -> j.getShopId().equals(workOrder.getShopId()))
        .orElseThrow(() -> DomainException.InvalidInput.field("cannedJobId", "no such canned job in this shop"));
    Money rate = laborRateOf(workOrder);
    job.getLines().forEach(l -> {
      WorkOrderLine line = workOrder.addLine(l.details(), rate);
      Map<String, String> after = lineState(line);
      after.put("cannedJobId", job.getId().toString());
      audit.record("work-order.line-added", "work-order", workOrder.getId(), workOrder.getShopId(), null, after);
    });
    return touched(workOrder);
  }

  public List<TaxRate> taxRates(UUID shopId) {
    if (shops.find(shopId).isEmpty()) {
      throw new DomainException.NotFound("shop", shopId);
    }
    return workOrders.taxRates(List.of(shopId));
  }

  public List<TaxRate> replaceTaxRates(Caller caller, UUID shopId, List<TaxRule> rules) {
    shops.require(shopId);
    caller.requireIn(Capability.CONFIGURE_SHOP, shopId, "change its tax rates");
    List<TaxRate> rates = new java.util.ArrayList<>();
    for (TaxRule rule : rules) {
      rates.add(new TaxRate(Tenancy.current(), shopId, rates.size() + 1, rule));
    }
    workOrders.replaceTaxRates(shopId, rates);
    em.flush();
    return workOrders.taxRates(List.of(shopId));
  }
}
