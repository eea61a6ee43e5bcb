package dev.mechanics.reporting;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One billed line item as the report counts it. {@code cost} is the part's unit cost x quantity rounded
 * half-even to cents (as {@code Totals} does); null for a part with no unit cost and for other line types.
 */
record ReportLine(UUID id, UUID shopId, String type, BigDecimal hours, BigDecimal amount, BigDecimal quantity,
                  BigDecimal unitCost, UUID technicianId, BigDecimal cost) implements Serializable {

  ReportLine withCost(BigDecimal lineCost) {
    return new ReportLine(id, shopId, type, hours, amount, quantity, unitCost, technicianId, lineCost);
  }
}
