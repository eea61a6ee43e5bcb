package dev.mechanics.workorder;

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
}
