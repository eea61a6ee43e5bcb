package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities of parts as the API carries them: decimal strings with at most three places, never negative. */
public final class Quantities {

  /** numeric(12,3): nine digits before the point. */
  static final BigDecimal LIMIT = new BigDecimal("999999999.999");

  private Quantities() {
  }

  /** A quantity greater than zero, or 422 naming {@code field}. */
  public static BigDecimal positive(String text, String field) {
    BigDecimal value = zeroOrMore(text, field);
    if (value.signum() == 0) {
      throw DomainException.InvalidInput.field(field, "must be greater than zero");
    }
    return value;
  }

  /** A quantity of zero or more, or 422 naming {@code field}. */
  public static BigDecimal zeroOrMore(String text, String field) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw DomainException.InvalidInput.field(field, "must be a decimal quantity such as \"2\" or \"1.5\"");
    }
    if (value.signum() < 0) {
      throw DomainException.InvalidInput.field(field, "must not be negative");
    }
    if (value.stripTrailingZeros().scale() > 3) {
      throw DomainException.InvalidInput.field(field, "must have at most three decimal places");
    }
    if (value.compareTo(LIMIT) > 0) {
      throw DomainException.InvalidInput.field(field, "is too large");
    }
    return value.setScale(3, RoundingMode.UNNECESSARY);
  }

  /** The wire form: a plain decimal string without needless trailing zeros ("2", "1.5"). */
  public static String text(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
