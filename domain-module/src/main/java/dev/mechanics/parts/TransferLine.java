package dev.mechanics.parts;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A part on a transfer: asked for, received, missing (the discrepancy), and the cost it left the sender at. */
@Entity
@Table(name = "transfer_lines")
public class TransferLine extends TenantOwnedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "transfer_id", nullable = false, updatable = false)
  private Transfer transfer;

  @Column(nullable = false)
  private int position;

  @Column(name = "part_id", nullable = false, updatable = false)
  private UUID partId;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal quantity;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal received;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal missing;

  @Column(name = "unit_cost", precision = 14, scale = 4)
  private BigDecimal unitCost;

  protected TransferLine() {
  }

  TransferLine(Transfer transfer, int position, UUID partId, BigDecimal quantity) {
    super(transfer.getOrganizationId());
    this.transfer = transfer;
    this.position = position;
    this.partId = partId;
    this.quantity = quantity;
    this.received = BigDecimal.ZERO.setScale(3);
    this.missing = BigDecimal.ZERO.setScale(3);
  }

  /** Shipped and neither received nor written off (zero before shipping and after closing). */
  public BigDecimal inTransit() {
    if (unitCost == null) {
      return BigDecimal.ZERO.setScale(3);
    }
    return quantity.subtract(received).subtract(missing);
  }

  void shippedAt(BigDecimal averageCost) {
    this.unitCost = averageCost;
  }

  void received(BigDecimal q) {
    received = received.add(q);
  }

  void writeOffInTransit() {
    missing = missing.add(inTransit());
  }

  public int getPosition() {
    return position;
  }

  public UUID getPartId() {
    return partId;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public BigDecimal getReceived() {
    return received;
  }

  public BigDecimal getMissing() {
    return missing;
  }

  public BigDecimal getUnitCost() {
    return unitCost;
  }
}
