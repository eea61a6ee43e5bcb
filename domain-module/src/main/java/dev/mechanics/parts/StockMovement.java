package dev.mechanics.parts;

import dev.mechanics.platform.RequestOrigin;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One change of a shop's stock of a part: what, where, how many, why, who (and when: created_at). */
@Entity
@Table(name = "stock_movements")
public class StockMovement extends TenantOwnedEntity {

  public enum Kind {
    RESERVED, RELEASED, CONSUMED, RECEIVED, ADJUSTED, TRANSFER_OUT, TRANSFER_IN
  }

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "part_id", nullable = false, updatable = false)
  private UUID partId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private Kind kind;

  @Column(name = "on_hand_delta", nullable = false, precision = 12, scale = 3, updatable = false)
  private BigDecimal onHandDelta;

  @Column(name = "reserved_delta", nullable = false, precision = 12, scale = 3, updatable = false)
  private BigDecimal reservedDelta;

  @Column(name = "unit_cost", precision = 14, scale = 4, updatable = false)
  private BigDecimal unitCost;

  @Column(length = 500, updatable = false)
  private String reason;

  @Column(name = "reference_type", length = 32, updatable = false)
  private String referenceType;

  @Column(name = "reference_id", updatable = false)
  private UUID referenceId;

  @Column(name = "created_by", updatable = false)
  private UUID createdBy;

  protected StockMovement() {
  }

  StockMovement(UUID organizationId, Stock stock, Kind kind, BigDecimal onHandDelta, BigDecimal reservedDelta,
                BigDecimal unitCost, String reason, Stock.Ref ref) {
    super(organizationId);
    this.shopId = stock.getShopId();
    this.partId = stock.getPartId();
    this.kind = kind;
    this.onHandDelta = onHandDelta;
    this.reservedDelta = reservedDelta;
    this.unitCost = unitCost;
    this.reason = reason;
    this.referenceType = ref == null ? null : ref.type();
    this.referenceId = ref == null ? null : ref.id();
    this.createdBy = RequestOrigin.current().userId();
  }

  StockMovement because(String why) {
    this.reason = why;
    return this;
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getPartId() {
    return partId;
  }

  public Kind getKind() {
    return kind;
  }

  public BigDecimal getOnHandDelta() {
    return onHandDelta;
  }

  public BigDecimal getReservedDelta() {
    return reservedDelta;
  }

  public BigDecimal getUnitCost() {
    return unitCost;
  }

  public String getReason() {
    return reason;
  }

  public String getReferenceType() {
    return referenceType;
  }

  public UUID getReferenceId() {
    return referenceId;
  }

  public UUID getCreatedBy() {
    return createdBy;
  }
}
