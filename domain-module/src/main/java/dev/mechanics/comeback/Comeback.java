package dev.mechanics.comeback;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A work order marked as a re-repair (comeback) of an earlier one for the same vehicle. */
@Entity
@Table(name = "comebacks")
public class Comeback extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "original_work_order_id", nullable = false, updatable = false)
  private UUID originalWorkOrderId;

  @Column(name = "original_technician_id", updatable = false)
  private UUID originalTechnicianId;

  @Column(nullable = false, length = 1000, updatable = false)
  private String reason;

  @Column(name = "marked_by", nullable = false, updatable = false)
  private UUID markedBy;

  protected Comeback() {
  }

  public Comeback(UUID organizationId, UUID shopId, UUID workOrderId, UUID originalWorkOrderId,
                  UUID originalTechnicianId, String reason, UUID markedBy) {
    super(organizationId);
    this.shopId = shopId;
    this.workOrderId = workOrderId;
    this.originalWorkOrderId = originalWorkOrderId;
    this.originalTechnicianId = originalTechnicianId;
    this.reason = reason;
    this.markedBy = markedBy;
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public UUID getOriginalWorkOrderId() {
    return originalWorkOrderId;
  }

  public UUID getOriginalTechnicianId() {
    return originalTechnicianId;
  }

  public String getReason() {
    return reason;
  }

  public UUID getMarkedBy() {
    return markedBy;
  }
}
