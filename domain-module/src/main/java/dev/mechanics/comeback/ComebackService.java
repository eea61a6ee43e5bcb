package dev.mechanics.comeback;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderService;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marks a work order as a comeback of an earlier, invoiced one for the same vehicle, when it falls inside the
 * shop's warranty window (days since the original's invoice, miles since its mileage out, else in); audited.
 */
@ApplicationScoped
@Transactional
public class ComebackService {

  /** What an advisor says: which work it redoes, why, and whose work it was (defaults to the original's). */
  public record Mark(Id<WorkOrder> original, String reason, UUID originalTechnicianId) {
  }

  @Inject
  Comebacks comebacks;

  @Inject
  WorkOrders workOrders;

  @Inject
  WorkOrderService workOrderService;

  @Inject
  Shops shops;

  @Inject
  AuditTrail audit;

  public Comeback mark(Caller caller, Id<WorkOrder> id, Mark mark) {
    WorkOrder comeback = workOrders.requireForUpdate(id.value());
    if (comebacks.of(comeback.getId()).isPresent()) {
      throw new DomainException.Conflict("This work order is already marked as a comeback");
    }
    WorkOrder original = workOrders.find(mark.original().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("originalWorkOrderId", "no such work order"));
    if (original.getId().equals(comeback.getId())) {
      throw DomainException.InvalidInput.field("originalWorkOrderId", "must be an earlier work order");
    }
    if (!original.getVehicleId().equals(comeback.getVehicleId())) {
      throw DomainException.InvalidInput.field("originalWorkOrderId", "is a work order of another vehicle");
    }
    Instant invoiced = comebacks.invoicedAt(original.getId()).orElseThrow(() ->
        DomainException.InvalidInput.field("originalWorkOrderId", "was never invoiced: only finished work comes back"));
    if (!original.getCreatedAt().isBefore(comeback.getCreatedAt())) {
      throw DomainException.InvalidInput.field("originalWorkOrderId", "must be an earlier work order");
    }
    int[] window = window(comeback.getShopId());
    long days = Duration.between(invoiced, comeback.getCreatedAt()).toDays();
    Integer milesOut = original.getMileageOut() != null ? original.getMileageOut() : original.getMileageIn();
    Integer milesDriven = milesOut == null || comeback.getMileageIn() == null ? null
        : comeback.getMileageIn() - milesOut;
    if (days > window[0] || (milesDriven != null && milesDriven > window[1])) {
      throw new DomainException.InvalidInput("Outside the shop's warranty window of " + window[0] + " days and "
          + window[1] + " miles: " + days + " days" + (milesDriven == null ? "" : " and " + milesDriven + " miles")
          + " since the original work", List.of(new DomainException.FieldProblem("originalWorkOrderId",
              "is outside the warranty window")));
    }
    // by default the original's technician: the work order's first, else the first labor line's
    UUID technician = mark.originalTechnicianId() != null ? mark.originalTechnicianId()
        : !original.getTechnicianIds().isEmpty() ? original.getTechnicianIds().get(0)
        : original.getLines().stream().map(dev.mechanics.workorder.WorkOrderLine::getTechnicianId)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (technician != null && mark.originalTechnicianId() != null && !original.isAssignedTo(technician)) {
      throw DomainException.InvalidInput.field("originalTechnicianId", "did not work on the original work order");
    }
    Comeback marked = new Comeback(Tenancy.current(), comeback.getShopId(), comeback.getId(), original.getId(),
        technician, mark.reason(), caller.userId());
    comebacks.add(marked);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("originalWorkOrderId", original.getId().toString());
    after.put("originalTechnicianId", technician == null ? null : technician.toString());
    after.put("reason", mark.reason());
    after.put("daysSinceOriginal", days);
    after.put("milesSinceOriginal", milesDriven);
    audit.record("workorder.comeback-marked", "work_order", comeback.getId(), comeback.getShopId(), Map.of(), after);
    return marked;
  }

  /**
   * Books a line of a comeback as warranty work (nothing charged, cost kept) or back as charged; audited.
   * 409 unless the work order is marked as a comeback and not invoiced; {@code expectedVersion} is its version.
   */
  public WorkOrder bookWarranty(Caller caller, Id<WorkOrder> id, UUID lineId, long expectedVersion,
                                boolean warranty) {
    workOrderService.get(caller, id);
    WorkOrder workOrder = workOrders.requireForUpdate(id.value());
    workOrder.requireVersion(expectedVersion, "work order");
    if (comebacks.of(workOrder.getId()).isEmpty()) {
      throw new DomainException.Conflict("Only a comeback's lines can be warranty: mark work order "
          + workOrder.getNumber() + " as a comeback first");
    }
    dev.mechanics.workorder.WorkOrderLine line = workOrder.line(lineId);
    boolean before = line.isWarranty();
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("lineId", lineId.toString());
    was.put("warranty", before);
    was.put("amount", line.getAmount().toString());
    workOrder.bookAsWarranty(lineId, warranty);
    Map<String, Object> now = new LinkedHashMap<>(was);
    now.put("warranty", warranty);
    now.put("amount", line.getAmount().toString());
    audit.record("workorder.warranty-line", "work_order", workOrder.getId(), workOrder.getShopId(), was, now);
    workOrders.touch(workOrder, dev.mechanics.workorder.WorkOrderChange.LINES);
    return workOrder;
  }

  /** The comeback mark of a work order the caller may see (404 when it has none). */
  public Comeback of(Caller caller, Id<WorkOrder> id) {
    workOrderService.get(caller, id);
    return comebacks.of(id.value()).orElseThrow(() -> new DomainException.NotFound("comeback of work order", id));
  }

  /** {days, miles} of the shop's warranty window. */
  int[] window(UUID shopId) {
    return comebacks.window(shopId).map(w -> new int[] {w.getDays(), w.getMiles()})
        .orElse(new int[] {WarrantyWindow.DEFAULT_DAYS, WarrantyWindow.DEFAULT_MILES});
  }

  /** The shop's window: days, miles and version (0 while the defaults apply). */
  public record Window(UUID shopId, int days, int miles, long version) {
  }

  public Window windowOf(Id<Shop> shopId) {
    shops.require(shopId.value());
    return comebacks.window(shopId.value()).map(w -> new Window(shopId.value(), w.getDays(), w.getMiles(),
        w.getVersion() + 1)).orElse(new Window(shopId.value(), WarrantyWindow.DEFAULT_DAYS,
        WarrantyWindow.DEFAULT_MILES, 0));
  }

  /** Sets the shop's warranty window (owners and managers of that shop; {@code expected}: the version read). */
  public Window changeWindow(Caller caller, Id<Shop> shopId, long expected, int days, int miles) {
    shops.require(shopId.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shopId.value(), "change this shop's warranty window");
    Window current = windowOf(shopId);
    if (expected != dev.mechanics.platform.TenantOwnedEntity.ANY_VERSION && expected != current.version()) {
      throw new DomainException.StaleVersion("warranty window", expected, current.version());
    }
    WarrantyWindow window = comebacks.window(shopId.value()).orElse(null);
    if (window == null) {
      comebacks.add(new WarrantyWindow(Tenancy.current(), shopId.value(), days, miles));
    } else {
      window.change(days, miles);
      comebacks.flush();
    }
    return windowOf(shopId);
  }
}
