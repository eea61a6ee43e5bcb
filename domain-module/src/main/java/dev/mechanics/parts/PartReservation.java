package dev.mechanics.parts;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a work-order part line taken from the catalogue holds in its shop: reserved (on the shelf, kept for it)
 * and on order (wanted beyond what was available, when the shop allows backorders).
 */
@Entity
@Table(name = "part_reservations")
public class PartReservation extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "part_id", nullable = false, updatable = false)
  private UUID partId;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "line_id", nullable = false, updatable = false)
  private UUID lineId;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal reserved;

  @Column(name = "on_order", nullable = false, precision = 12, scale = 3)
  private BigDecimal onOrder;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal consumed;

  protected PartReservation() {
  }

  PartReservation(UUID organizationId, UUID shopId, UUID partId, UUID workOrderId, UUID lineId) {
    super(organizationId);
    this.shopId = shopId;
    this.partId = partId;
    this.workOrderId = workOrderId;
    this.lineId = lineId;
    this.reserved = BigDecimal.ZERO.setScale(3);
    this.onOrder = BigDecimal.ZERO.setScale(3);
    this.consumed = BigDecimal.ZERO.setScale(3);
  }

  void hold(BigDecimal reservedNow, BigDecimal onOrderNow) {
    this.reserved = reservedNow;
    this.onOrder = onOrderNow;
  }

  void consumed(BigDecimal quantity) {
    this.consumed = consumed.add(quantity);
    this.reserved = reserved.subtract(quantity);
  }

  public BigDecimal held() {
    return reserved.add(onOrder);
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getPartId() {
    return partId;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public UUID getLineId() {
    return lineId;
  }

  public BigDecimal getReserved() {
    return reserved;
  }

  public BigDecimal getOnOrder() {
    return onOrder;
  }

  public BigDecimal getConsumed() {
    return consumed;
  }
}
