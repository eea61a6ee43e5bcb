package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line as the advisor writes it, already checked for shape (no negative quantities, prices with two places).
 * {@code rate} null on a labor line means the shop's labor rate.
 */
public record LineDetails(LineType type, String description, BigDecimal hours, Money rate, UUID technicianId,
                          String partNumber, BigDecimal quantity, Money unitCost, Money unitPrice,
                          boolean taxable, PartCondition condition) {

  /** A line whose part condition is not stated (labor, fees, discounts, or a part of unknown condition). */
  public LineDetails(LineType type, String description, BigDecimal hours, Money rate, UUID technicianId,
                     String partNumber, BigDecimal quantity, Money unitCost, Money unitPrice, boolean taxable) {
    this(type, description, hours, rate, technicianId, partNumber, quantity, unitCost, unitPrice, taxable, null);
  }

  /** 422 unless the line can be priced: a labor line needs hours, any other line a unit price. */
  public void requireComplete() {
    if (type == LineType.LABOR && hours == null) {
      throw DomainException.InvalidInput.field("hours", "a labor line needs hours");
    }
    if (type != LineType.LABOR && unitPrice == null) {
      throw DomainException.InvalidInput.field("unitPrice", "a " + type.name().toLowerCase() + " line needs a "
          + "unitPrice");
    }
  }

  /**
   * 422 unless every product of the line fits a money column: its amount (hours x rate, quantity x unit price)
   * and, for a part, its cost (quantity x unit cost), which the totals add up later. {@code laborRate} is the
   * rate a labor line without its own is priced at.
   */
  public void requireStorableAmounts(Money laborRate) {
    if (type == LineType.LABOR) {
      LineAmounts.labor(hours, rate == null ? laborRate : rate).requireStorable("hours", "hours x rate");
      return;
    }
    BigDecimal qty = quantity == null ? BigDecimal.ONE : quantity;
    LineAmounts.priced(type, qty, unitPrice).requireStorable("unitPrice", "quantity x unitPrice");
    if (unitCost != null) {
      unitCost.times(qty).requireStorable("unitCost", "quantity x unitCost");
    }
  }
}
