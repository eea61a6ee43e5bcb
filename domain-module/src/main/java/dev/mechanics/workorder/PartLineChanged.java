package dev.mechanics.workorder;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Fired (synchronously, inside the writing transaction) when a line of a work order is changed or removed, so
 * that the stock a catalogue part line holds follows it; {@code quantity} is null when the line was removed. An
 * observer's refusal (not enough stock: 409) rolls the change back.
 */
public record PartLineChanged(UUID workOrderId, UUID shopId, UUID lineId, BigDecimal quantity) {
}
