package dev.mechanics.workorder;

import java.math.BigDecimal;

/**
 * One of a shop's tax rates (e.g. state 6.25 %, county 1 %) and what it applies to. Fees and discounts follow
 * the parts setting; labor has its own, since many places tax parts but not labor.
 */
public record TaxRule(String name, BigDecimal rate, boolean appliesToLabor, boolean appliesToParts) {

  boolean appliesTo(LineType type) {
    return type == LineType.LABOR ? appliesToLabor : appliesToParts;
  }
}
