package dev.mechanics.parts;

import dev.mechanics.platform.Money;

/** A catalogue part as a manager writes it; amounts already parsed (two places, not negative). */
public record PartDetails(String partNumber, String brand, String description, String vendor, Money unitCost,
                          Money sellingPrice, String taxCategory, Money coreCharge) {
}
