package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a credit note is asked to credit: invoice lines ({@code lines}) or a net amount before tax spread over the
 * lines in proportion to what is left of each ({@code amount}), never both.
 */
public record CreditRequest(String reason, List<LineCredit> lines, Money amount) {

  /** Credits invoice line {@code line} (its index on the invoice): {@code quantity}, or all that is left (null). */
  public record LineCredit(int line, BigDecimal quantity) {
  }

  /** 400 unless the request credits lines or an amount (not both, not neither). */
  void requireOneKind() {
    boolean byLines = lines != null && !lines.isEmpty();
    if (byLines == (amount != null)) {
      throw new DomainException.Malformed("lines", "send either lines (invoice lines to credit) or amount (a net "
          + "amount), not both and not neither");
    }
  }

  /** The request as its Idempotency-Key hash sees it. */
  String canonical() {
    return reason + "|" + (amount == null ? "" : amount) + "|" + (lines == null ? "" : lines.stream()
        .map(l -> l.line() + ":" + (l.quantity() == null ? "" : l.quantity().stripTrailingZeros().toPlainString()))
        .collect(Collectors.joining(",")));
  }
}
