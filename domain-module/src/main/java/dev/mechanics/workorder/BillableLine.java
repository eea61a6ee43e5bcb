package dev.mechanics.workorder;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;

/** What the totals need to know of a line. */
public interface BillableLine {
  LineType getType();

  Money getAmount();

  boolean isTaxable();

  LineApproval getApproval();

  BigDecimal getQuantity();

  /** Null when the line has no cost (labor, fees, or a part whose cost is unknown). */
  BigDecimal getUnitCost();
}
