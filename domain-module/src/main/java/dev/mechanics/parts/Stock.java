package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * One part in one shop: where it lies, how many are on hand and reserved, when to reorder, and its moving
 * average cost. Every change goes through a method that returns the {@link StockMovement} booking it, so on hand
 * and reserved are always the sums of the movements. Callers hold the row's lock ({@link Stocks#lock}).
 */
@Entity
@Table(name = "shop_stock")
public class Stock extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "part_id", nullable = false, updatable = false)
  private UUID partId;

  @Column(length = 40)
  private String bin;

  @Column(name = "on_hand", nullable = false, precision = 12, scale = 3)
  private BigDecimal onHand;

  @Column(nullable = false, precision = 12, scale = 3)
  private BigDecimal reserved;

  @Column(name = "reorder_point", nullable = false, precision = 12, scale = 3)
  private BigDecimal reorderPoint;

  @Column(name = "reorder_quantity", nullable = false, precision = 12, scale = 3)
  private BigDecimal reorderQuantity;

  @Column(name = "average_cost", nullable = false, precision = 14, scale = 4)
  private BigDecimal averageCost;

  protected Stock() {
  }

  /** What a shop holds of a part it never stocked: nothing (not stored until it changes). */
  static Stock empty(UUID organizationId, UUID shopId, UUID partId) {
    Stock s = new Stock();
    s.shopId = shopId;
    s.partId = partId;
    s.onHand = BigDecimal.ZERO.setScale(3);
    s.reserved = BigDecimal.ZERO.setScale(3);
    s.reorderPoint = BigDecimal.ZERO.setScale(3);
    s.reorderQuantity = BigDecimal.ZERO.setScale(3);
    s.averageCost = BigDecimal.ZERO.setScale(4);
    return s;
  }

  public BigDecimal available() {
    return onHand.subtract(reserved).max(BigDecimal.ZERO);
  }

  public boolean isLow() {
    return reorderQuantity.signum() > 0 && available().compareTo(reorderPoint) <= 0;
  }

  void configure(String bin, BigDecimal reorderPoint, BigDecimal reorderQuantity) {
    this.bin = bin;
    this.reorderPoint = reorderPoint;
    this.reorderQuantity = reorderQuantity;
  }

  /**
   * Reserves up to {@code wanted}: all of it when available, else (backorders allowed) what is available, the
   * rest being on order; without backorders a shortfall is a 409 and nothing changes.
   */
  StockMovement reserve(BigDecimal wanted, boolean allowBackorders, Ref ref) {
    BigDecimal take = wanted.min(available());
    if (take.compareTo(wanted) < 0 && !allowBackorders) {
      throw new DomainException.Conflict("Only " + Quantities.text(available()) + " of this part available in "
          + "this shop, " + Quantities.text(wanted) + " wanted (the shop does not allow backorders)");
    }
    reserved = reserved.add(take);
    return movement(StockMovement.Kind.RESERVED, BigDecimal.ZERO, take, null, null, ref);
  }

  StockMovement release(BigDecimal quantity, Ref ref) {
    reserved = reserved.subtract(quantity);
    return movement(StockMovement.Kind.RELEASED, BigDecimal.ZERO, quantity.negate(), null, null, ref);
  }

  /** A reserved quantity leaves the shop on an invoice: the cost of goods is the average cost. */
  StockMovement consume(BigDecimal quantity, Ref ref) {
    reserved = reserved.subtract(quantity);
    onHand = onHand.subtract(quantity);
    return movement(StockMovement.Kind.CONSUMED, quantity.negate(), quantity.negate(), averageCost, null, ref);
  }

  /** Goods arrive (a purchase order, a transfer): on hand grows and the average cost moves toward their cost. */
  StockMovement receive(BigDecimal quantity, BigDecimal unitCost, StockMovement.Kind kind, Ref ref) {
    BigDecimal total = onHand.add(quantity);
    averageCost = total.signum() == 0 ? unitCost.setScale(4, RoundingMode.HALF_EVEN)
        : onHand.multiply(averageCost).add(quantity.multiply(unitCost)).divide(total, 4, RoundingMode.HALF_EVEN);
    onHand = total;
    return movement(kind, quantity, BigDecimal.ZERO, unitCost, null, ref);
  }

  /** Goods leave on a transfer: never more than is available (reserved parts stay for their work orders). */
  StockMovement ship(BigDecimal quantity, Ref ref) {
    if (available().compareTo(quantity) < 0) {
      throw new DomainException.Conflict("Only " + Quantities.text(available()) + " of this part available in "
          + "the sending shop, " + Quantities.text(quantity) + " to ship");
    }
    onHand = onHand.subtract(quantity);
    return movement(StockMovement.Kind.TRANSFER_OUT, quantity.negate(), BigDecimal.ZERO, averageCost, null, ref);
  }

  /** A cycle count: the difference to what was counted is booked as an adjustment with its reason. */
  StockMovement count(BigDecimal counted, String reason, Ref ref) {
    if (counted.compareTo(reserved) < 0) {
      throw DomainException.InvalidInput.field("counted", "is less than what is reserved for work orders ("
          + Quantities.text(reserved) + "); release those lines first");
    }
    BigDecimal difference = counted.subtract(onHand);
    onHand = counted;
    return movement(StockMovement.Kind.ADJUSTED, difference, BigDecimal.ZERO, averageCost, reason, ref);
  }

  private StockMovement movement(StockMovement.Kind kind, BigDecimal onHandDelta, BigDecimal reservedDelta,
                                 BigDecimal unitCost, String reason, Ref ref) {
    return new StockMovement(getOrganizationId(), this, kind, onHandDelta,
        reservedDelta, unitCost, reason, ref);
  }

  /** What a movement was for: a work order, a purchase order, a transfer, a count. */
  public record Ref(String type, UUID id) {
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getPartId() {
    return partId;
  }

  public String getBin() {
    return bin;
  }

  public BigDecimal getOnHand() {
    return onHand;
  }

  public BigDecimal getReserved() {
    return reserved;
  }

  public BigDecimal getReorderPoint() {
    return reorderPoint;
  }

  public BigDecimal getReorderQuantity() {
    return reorderQuantity;
  }

  public BigDecimal getAverageCost() {
    return averageCost;
  }
}
