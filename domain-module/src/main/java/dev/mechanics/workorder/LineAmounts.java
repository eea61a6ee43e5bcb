package dev.mechanics.workorder;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;

/** The amount of one line, rounded half-even to cents once: labor hours x rate, quantity x unit price. */
public final class LineAmounts {

  private LineAmounts() {
  }

  public static Money labor(BigDecimal hours, Money rate) {
    return rate.times(hours);
  }

  /** Parts and fees add; a discount subtracts. */
  public static Money priced(LineType type, BigDecimal quantity, Money unitPrice) {
    Money amount = unitPrice.times(quantity);
    return type == LineType.DISCOUNT ? amount.negate() : amount;
  }
}
