package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.RequestIds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A work order or canned job line as the client sends it; money as decimal strings with two places. */
public record LineRequest(
    @NotNull LineType type,
    @NotBlank @Size(max = 500) String description,
    @DecimalMin(value = "0", message = "must not be negative") @DecimalMax("9999.99")
    @Digits(integer = 4, fraction = 2) BigDecimal hours,
    @Pattern(regexp = LineRequest.MONEY, message = LineRequest.MONEY_MESSAGE) String rate,
    String technicianId,
    @Size(max = 60) String partNumber,
    @DecimalMin(value = "0", inclusive = false, message = "must be more than zero") @DecimalMax("9999999")
    @Digits(integer = 7, fraction = 3) BigDecimal quantity,
    @Pattern(regexp = LineRequest.MONEY, message = LineRequest.MONEY_MESSAGE) String unitCost,
    @Pattern(regexp = LineRequest.MONEY, message = LineRequest.MONEY_MESSAGE) String unitPrice,
    Boolean taxable,
    PartCondition condition) {

  /** Money on the wire: a decimal string with at most two places. */
  static final String MONEY = "-?\\d{1,12}(\\.\\d{1,2})?";
  static final String MONEY_MESSAGE = "must be an amount such as \"12.50\" (at most two decimal places)";

  public LineDetails details() {
    Money rateMoney = nonNegative(rate, "rate");
    Money cost = nonNegative(unitCost, "unitCost");
    Money price = nonNegative(unitPrice, "unitPrice");
    return new LineDetails(type, description.trim(), hours, rateMoney, RequestIds.field("technicianId", technicianId),
        blankToNull(partNumber), quantity, cost, price, taxable == null || taxable, condition);
  }

  private static Money nonNegative(String text, String field) {
    if (text == null) {
      return null;
    }
    Money m = Money.parse(text, field);
    if (m.isNegative()) {
      throw new DomainException.Malformed(field, field + " must not be negative (a discount is a DISCOUNT line)");
    }
    return m;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
