package dev.mechanics.timeclock;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A technician's (or a shop's) hours for a period and the two ratios of docs/kpis.md: efficiency = sold /
 * clocked (how the flat-rate hours sold compare with the time spent on the jobs), productivity = clocked /
 * attended (how much of the time at work was on jobs). Percent with one decimal, half-even; null when the
 * denominator is zero (printed {@code n/a}). Ratios of a sum are computed from the summed hours, never averaged.
 */
public record TimeRatios(BigDecimal sold, BigDecimal clocked, BigDecimal attended) {

  public static final TimeRatios ZERO = new TimeRatios(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public TimeRatios plus(TimeRatios o) {
    return new TimeRatios(sold.add(o.sold), clocked.add(o.clocked), attended.add(o.attended));
  }

  public BigDecimal efficiencyPercent() {
    return percent(sold, clocked);
  }

  public BigDecimal productivityPercent() {
    return percent(clocked, attended);
  }

  /** Hours with two decimals, half-even (clocked seconds are summed first, then rounded once). */
  public static BigDecimal hours(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? null
        : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_EVEN);
  }
}
