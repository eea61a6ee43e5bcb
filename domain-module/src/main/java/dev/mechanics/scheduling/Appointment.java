package dev.mechanics.scheduling;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A booked visit: customer, vehicle, the work asked for, a bay and optionally a technician for
 * {@code [startsAt, endsAt)}. The database refuses an overlapping booking of the same bay or technician while
 * either is BOOKED or CHECKED_IN; a no-show or a cancellation frees the time.
 */
@Entity
@Table(name = "appointments")
public class Appointment extends TenantOwnedEntity {

  /** Where an appointment stands. */
  public enum Status { BOOKED, CHECKED_IN, NO_SHOW, CANCELLED }

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "bay_id", nullable = false)
  private UUID bayId;

  @Column(name = "technician_id")
  private UUID technicianId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private UUID customerId;

  @Column(name = "vehicle_id", nullable = false, updatable = false)
  private UUID vehicleId;

  @Column(name = "requested_work", nullable = false, length = 2000)
  private String requestedWork;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Status status;

  @Column(name = "work_order_id")
  private UUID workOrderId;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  /** When the reminder of the day before went out for the current start (null: not yet, or moved since). */
  @Column(name = "reminded_at")
  private Instant remindedAt;

  protected Appointment() {
  }

  public Appointment(UUID organizationId, UUID shopId, UUID customerId, UUID vehicleId, String requestedWork,
                     UUID createdBy) {
    super(organizationId);
    this.shopId = shopId;
    this.customerId = customerId;
    this.vehicleId = vehicleId;
    this.requestedWork = requestedWork;
    this.createdBy = createdBy;
    this.status = Status.BOOKED;
  }

  /** Puts the appointment on a bay (and technician) for a time; only while it is booked. */
  public void place(UUID bayId, UUID technicianId, Instant startsAt, Duration duration, String requestedWork) {
    requireBooked("move");
    if (this.startsAt != null && !this.startsAt.equals(startsAt)) {
      // the customer was reminded of the old time: the new one deserves its own reminder
      this.remindedAt = null;
    }
    this.bayId = bayId;
    this.technicianId = technicianId;
    this.startsAt = startsAt;
    this.endsAt = startsAt.plus(duration);
    if (requestedWork != null) {
      this.requestedWork = requestedWork;
    }
  }

  public void checkIn(UUID workOrderId) {
    requireBooked("check in");
    this.status = Status.CHECKED_IN;
    this.workOrderId = workOrderId;
  }

  public void noShow() {
    requireBooked("mark as a no-show");
    this.status = Status.NO_SHOW;
  }

  public void cancel() {
    requireBooked("cancel");
    this.status = Status.CANCELLED;
  }

  /** The reminder of the day before was handed to the mail sender. */
  public void reminded(Instant at) {
    this.remindedAt = at;
  }

  public Instant getRemindedAt() {
    return remindedAt;
  }

  private void requireBooked(String action) {
    if (status != Status.BOOKED) {
      throw new DomainException.Conflict("Cannot " + action + " an appointment that is " + status);
    }
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getBayId() {
    return bayId;
  }

  public UUID getTechnicianId() {
    return technicianId;
  }

  public UUID getCustomerId() {
    return customerId;
  }

  public UUID getVehicleId() {
    return vehicleId;
  }

  public String getRequestedWork() {
    return requestedWork;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public Status getStatus() {
    return status;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }
}
