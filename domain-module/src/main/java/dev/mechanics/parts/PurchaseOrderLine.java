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

/** A part ordered on a purchase order, at the vendor's unit cost, and how much of it has arrived. */
@Entity
@Table(name = "purchase_order_lines")
public class PurchaseOrderLine extends TenantOwnedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "purchase_order_id", nullable = false, updatable = false)
  private PurchaseOrder purchaseOrder;

  @Column(nullable = false)
  private int position;

  @Column(name = "part_id", nullable = false, updatable = false)
  private UUID partId;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal ordered;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal received;

  @Column(name = "unit_cost", nullable = false, precision = 14, scale = 2)
  private BigDecimal unitCost;

  protected PurchaseOrderLine() {
  }

  PurchaseOrderLine(PurchaseOrder order, int position, UUID partId, BigDecimal ordered, BigDecimal unitCost) {
    super(order.getOrganizationId());
    this.purchaseOrder = order;
    this.position = position;
    this.partId = partId;
    this.ordered = ordered;
    this.received = BigDecimal.ZERO.setScale(3);
    this.unitCost = unitCost;
  }

  BigDecimal outstanding() {
    return ordered.subtract(received);
  }

  void received(BigDecimal quantity) {
    received = received.add(quantity);
  }

  public int getPosition() {
    return position;
  }

  public UUID getPartId() {
    return partId;
  }

  public BigDecimal getOrdered() {
    return ordered;
  }

  public BigDecimal getReceived() {
    return received;
  }

  public BigDecimal getUnitCost() {
    return unitCost;
  }
}
