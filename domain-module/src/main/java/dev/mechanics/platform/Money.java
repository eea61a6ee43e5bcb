package dev.mechanics.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in the organization's currency, always with two decimal places. Arithmetic that can produce more
 * places ({@link #times}) rounds half-even, once, where it is called: once per line.
 *
 * <p>In memory an amount may exceed what a column holds ({@code numeric(14,2)}), so that reading and adding up
 * what is stored never fails; whatever is about to be stored passes {@link #requireStorable} first (422), so
 * an out-of-range product or sum is refused before it is written, never after.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

  /** numeric(14,2): twelve digits before the point. */
  public static final BigDecimal LIMIT = new BigDecimal("999999999999.99");
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    if (amount == null) {
      throw new IllegalArgumentException("amount is required");
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** True when a {@code numeric(14,2)} column can hold this amount. */
  public boolean isStorable() {
    return amount.abs().compareTo(LIMIT) <= 0;
  }

  /** This amount, or 422 naming {@code field} when no money column could hold it. */
  public Money requireStorable(String field, String what) {
    if (!isStorable()) {
      throw DomainException.InvalidInput.field(field, what + " would be " + amount.toPlainString()
          + ", more than the largest amount (" + LIMIT.toPlainString() + ")");
    }
    return this;
  }

  /** Parses a client's amount: a decimal with at most two places; anything else is refused, never rounded. */
  public static Money parse(String text, String field) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw DomainException.InvalidInput.field(field, "must be a decimal amount such as \"12.50\"");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw DomainException.InvalidInput.field(field, "must have at most two decimal places");
    }
    if (value.abs().compareTo(LIMIT) > 0) {
      throw DomainException.InvalidInput.field(field, "is too large");
    }
    return new Money(value.setScale(2, RoundingMode.UNNECESSARY));
  }

  public static Money of(String text) {
    return new Money(new BigDecimal(text));
  }

  /** From a stored or computed value that may carry more places: rounded half-even to cents. */
  public static Money rounded(BigDecimal value) {
    return new Money(value.setScale(2, RoundingMode.HALF_EVEN));
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  public Money negate() {
    return new Money(amount.negate());
  }

  public Money abs() {
    return new Money(amount.abs());
  }

  /** Multiplies by a quantity, hours or rate and rounds half-even to cents. */
  public Money times(BigDecimal factor) {
    return rounded(amount.multiply(factor));
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  /** The wire form: a decimal string with two places, such as {@code "123.45"}. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
