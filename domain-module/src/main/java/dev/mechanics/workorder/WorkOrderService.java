package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The work order's life: open it as an estimate, describe it, turn it into a repair order, read it as the
 * caller may see it. Lines are {@link EstimateLineService}'s, the board {@link BoardService}'s, approvals
 * {@link ApprovalService}'s and the invoice billing's.
 */
@ApplicationScoped
@Transactional
public class WorkOrderService {

  /** Fired after a work order is created. */
  public record WorkOrderCreated(UUID organizationId, UUID shopId, UUID workOrderId) {
  }

  /** What an advisor opens a work order with; the ids are typed so that they cannot change places. */
  public record NewWorkOrder(Id<Shop> shop, Id<Customer> customer, Id<Vehicle> vehicle, Integer mileageIn,
                             String complaint, List<UUID> technicianIds, Instant promisedAt) {
  }

  /** What an advisor may change on an open work order. */
  public record Description(Integer mileageIn, String complaint, String cause, String correction,
                            List<UUID> technicianIds, Instant promisedAt, Integer mileageOut) {
  }

  @Inject
  WorkOrders workOrders;

  @Inject
  NumberSequences numbers;

  @Inject
  Shops shops;

  @Inject
  Vehicles vehicles;

  @Inject
  BoardService board;

  @Inject
  TaxRates taxRates;

  @Inject
  Event<WorkOrderCreated> created;

  public WorkOrder create(NewWorkOrder request, UUID createdBy) {
    Shop shop = shops.find(request.shop().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("shopId", "no such shop"));
    Vehicle vehicle = vehicles.find(request.vehicle().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("vehicleId", "no such vehicle"));
    if (!vehicle.getCustomerId().equals(request.customer().value())) {
      throw DomainException.InvalidInput.field("vehicleId", "the vehicle does not belong to this customer");
    }
    String firstColumn = board.boardOf(request.shop()).firstColumn();
    long sequence = numbers.next(Tenancy.current(), shop.getId(), NumberSequences.WORK_ORDER, 0);
    WorkOrder workOrder = new WorkOrder(Tenancy.current(), request.shop(), NumberSequences.workOrderNumber(sequence),
        request.customer(), request.vehicle(), firstColumn, createdBy);
    workOrder.describe(request.mileageIn(), request.complaint(), null, null, request.technicianIds(),
        request.promisedAt());
    workOrders.add(workOrder);
    workOrders.add(new StatusChange(workOrder, null, workOrder.getStatus(), createdBy));
    workOrders.announce(workOrder, WorkOrderChange.CREATED);
    created.fire(new WorkOrderCreated(Tenancy.current(), shop.getId(), workOrder.getId()));
    return workOrder;
  }

  public WorkOrder get(Id<WorkOrder> id) {
    return workOrders.require(id.value());
  }

  /**
   * The work order if {@code caller} may see it. A caller who is only a technician sees the work assigned to
   * them (on the work order or on one of its lines); any other work order is as absent to them as another
   * organization's (404), so its id reveals nothing.
   */
  public WorkOrder get(Caller caller, Id<WorkOrder> id) {
    return visibleTo(caller, get(id), id);
  }

  /**
   * {@link #get(Caller, Id)} in a transaction of its own that only reads: the work order's own read (GET). Loaded
   * read-only, so it costs no snapshot and no dirty check (see {@link WorkOrders#requireToRead}).
   */
  public WorkOrder read(Caller caller, Id<WorkOrder> id) {
    return visibleTo(caller, workOrders.requireToRead(id.value()), id);
  }

  private static WorkOrder visibleTo(Caller caller, WorkOrder workOrder, Id<WorkOrder> id) {
    if (!caller.may(Capability.SEE_ALL_WORK) && !workOrder.isAssignedTo(caller.userId())) {
      throw new DomainException.NotFound("work order", id);
    }
    return workOrder;
  }

  /** {@code id} once the caller may see that work order (else 404), for routes about something of it. */
  public Id<WorkOrder> visible(Caller caller, Id<WorkOrder> id) {
    get(caller, id);
    return id;
  }

  public Totals totalsOf(WorkOrder workOrder) {
    return Totals.of(workOrder.getLines(), taxRates.rulesOf(workOrder.getShopId()));
  }

  public WorkOrder change(Id<WorkOrder> id, long expectedVersion, Description description) {
    WorkOrder workOrder = get(id);
    workOrder.requireVersion(expectedVersion, "work order");
    workOrder.describe(description.mileageIn(), description.complaint(), description.cause(),
        description.correction(), description.technicianIds(), description.promisedAt());
    workOrder.recordMileageOut(description.mileageOut());
    return workOrders.touch(workOrder, WorkOrderChange.ASSIGNMENT);
  }

  public WorkOrder startRepair(Id<WorkOrder> id) {
    WorkOrder workOrder = get(id);
    workOrder.startRepair();
    return workOrders.touch(workOrder, WorkOrderChange.STATUS);
  }

  /**
   * Declined work on this vehicle from earlier visits: the recommendations to offer again. A technician sees
   * only what was declined on work assigned to them (issue 15.10), as everywhere else.
   */
  public List<WorkOrderLine> recommendations(Caller caller, Id<WorkOrder> id) {
    WorkOrder workOrder = get(caller, id);
    List<WorkOrderLine> declined = workOrders.declinedLinesOf(workOrder.getVehicleId(), workOrder.getId());
    return caller.may(Capability.SEE_ALL_WORK) ? declined
        : declined.stream().filter(l -> l.getWorkOrder().isAssignedTo(caller.userId())).toList();
  }
}
