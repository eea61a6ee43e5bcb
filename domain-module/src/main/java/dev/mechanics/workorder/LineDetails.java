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
                          boolean taxable) {

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
}
