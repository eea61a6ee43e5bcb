package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import dev.mechanics.tenancy.Shop;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The job from estimate to invoice: one vehicle of one customer in one shop. The kind (estimate, repair order,
 * invoiced) is the document's stage; the status is the board column the car is in. Once invoiced it is frozen.
 */
@Entity
@Table(name = "work_orders")
public class WorkOrder extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false, updatable = false, length = 20)
  private String number;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private UUID customerId;

  @Column(name = "vehicle_id", nullable = false, updatable = false)
  private UUID vehicleId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WorkOrderKind kind;

  @Column(nullable = false, length = 40)
  private String status;

  @Column(name = "status_since", nullable = false)
  private Instant statusSince;

  @Column(name = "mileage_in")
  private Integer mileageIn;

  @Column(name = "mileage_out")
  private Integer mileageOut;

  @Column(length = 4000)
  private String complaint;

  @Column(length = 4000)
  private String cause;

  @Column(length = 4000)
  private String correction;

  @Column(name = "technician_ids", nullable = false)
  private UUID[] technicianIds = new UUID[0];

  @Column(name = "promised_at")
  private Instant promisedAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  @OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<WorkOrderLine> lines = new ArrayList<>();

  protected WorkOrder() {
  }

  public WorkOrder(UUID organizationId, Id<Shop> shop, String number, Id<Customer> customer, Id<Vehicle> vehicle,
                   String firstStatus, UUID createdBy) {
    super(organizationId);
    this.shopId = shop.value();
    this.number = number;
    this.customerId = customer.value();
    this.vehicleId = vehicle.value();
    this.kind = WorkOrderKind.ESTIMATE;
    this.status = firstStatus;
    this.statusSince = Instant.now();
    this.createdBy = createdBy;
  }

  public void describe(Integer mileageIn, String complaint, String cause, String correction, List<UUID> technicians,
                       Instant promisedAt) {
    requireOpen();
    this.mileageIn = mileageIn;
    this.complaint = complaint;
    this.cause = cause;
    this.correction = correction;
    this.technicianIds = technicians == null ? new UUID[0] : technicians.toArray(UUID[]::new);
    this.promisedAt = promisedAt;
  }

  public WorkOrderLine addLine(LineDetails details, Money shopLaborRate) {
    requireOpen();
    int next = lines.stream().mapToInt(WorkOrderLine::getPosition).max().orElse(0) + 1;
    WorkOrderLine line = new WorkOrderLine(this, next, details, shopLaborRate);
    lines.add(line);
    return line;
  }

  public WorkOrderLine changeLine(UUID lineId, LineDetails details, Money shopLaborRate) {
    requireOpen();
    WorkOrderLine line = line(lineId);
    line.apply(details, shopLaborRate);
    return line;
  }

  /** A comeback's line as warranty work, or charged again; the caller has checked it is a comeback. */
  public WorkOrderLine bookAsWarranty(UUID lineId, boolean warranty) {
    requireOpen();
    WorkOrderLine line = line(lineId);
    line.bookAsWarranty(warranty);
    return line;
  }

  public void removeLine(UUID lineId) {
    requireOpen();
    lines.remove(line(lineId));
  }

  public WorkOrderLine line(UUID lineId) {
    return lines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("line", lineId));
  }

  /** Assigned to this technician: on the work order or on one of its lines. */
  public boolean isAssignedTo(UUID userId) {
    return getTechnicianIds().contains(userId)
        || lines.stream().anyMatch(l -> userId.equals(l.getTechnicianId()));
  }

  /** Moves the car to another board column; the caller has checked that the shop's board allows it. */
  StatusChange moveTo(String newStatus, UUID by) {
    StatusChange change = new StatusChange(this, status, newStatus, by);
    this.status = newStatus;
    this.statusSince = change.getChangedAt();
    return change;
  }

  public void startRepair() {
    requireOpen();
    if (kind != WorkOrderKind.ESTIMATE) {
      throw new DomainException.Conflict("Work order " + number + " is already a repair order");
    }
    kind = WorkOrderKind.REPAIR_ORDER;
  }

  /** Called by billing in the transaction that issues the invoice. */
  public void markInvoiced() {
    if (kind == WorkOrderKind.INVOICED) {
      throw new DomainException.Conflict("Work order " + number + " is already invoiced");
    }
    if (kind != WorkOrderKind.REPAIR_ORDER) {
      throw new DomainException.Conflict("Only a repair order can be invoiced; work order " + number
          + " is still an estimate");
    }
    kind = WorkOrderKind.INVOICED;
  }

  private void requireOpen() {
    if (kind == WorkOrderKind.INVOICED) {
      throw new DomainException.Conflict("Work order " + number + " is invoiced and can no longer change; "
          + "correct the invoice with a credit note");
    }
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getNumber() {
    return number;
  }

  public UUID getCustomerId() {
    return customerId;
  }

  public UUID getVehicleId() {
    return vehicleId;
  }

  public WorkOrderKind getKind() {
    return kind;
  }

  public String getStatus() {
    return status;
  }

  public Instant getStatusSince() {
    return statusSince;
  }

  public Integer getMileageIn() {
    return mileageIn;
  }

  public Integer getMileageOut() {
    return mileageOut;
  }

  /** The odometer when the car leaves; not below the reading when it came in. */
  public void recordMileageOut(Integer mileage) {
    requireOpen();
    if (mileage != null && mileageIn != null && mileage < mileageIn) {
      throw DomainException.InvalidInput.field("mileageOut", "is below the mileage in (" + mileageIn + ")");
    }
    this.mileageOut = mileage;
  }

  public String getComplaint() {
    return complaint;
  }

  public String getCause() {
    return cause;
  }

  public String getCorrection() {
    return correction;
  }

  public List<UUID> getTechnicianIds() {
    return Arrays.asList(technicianIds);
  }

  public Instant getPromisedAt() {
    return promisedAt;
  }

  public UUID getCreatedBy() {
    return createdBy;
  }

  public List<WorkOrderLine> getLines() {
    return lines;
  }
}
