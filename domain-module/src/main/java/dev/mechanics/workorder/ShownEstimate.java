package dev.mechanics.workorder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of exactly what the customer is shown: the work order number, every line (id, type, text,
 * quantities, prices, amount, taxable) and the totals. Stored with each decision; if anything changed between
 * showing and answering, the hashes differ and the answer is refused.
 */
public final class ShownEstimate {

  private ShownEstimate() {
  }

  public static String hashOf(WorkOrder workOrder, Totals totals) {
    StringBuilder text = new StringBuilder(workOrder.getNumber()).append('\n');
    for (WorkOrderLine l : workOrder.getLines()) {
      text.append(l.getId()).append('|').append(l.getType()).append('|').append(l.getDescription()).append('|')
          .append(plain(l.getHours())).append('|').append(plain(l.getRate())).append('|')
          .append(plain(l.getQuantity())).append('|').append(plain(l.getUnitPrice())).append('|')
          .append(l.getAmount()).append('|').append(l.isTaxable()).append('\n');
    }
    text.append(totals.subtotal()).append('|');
    totals.taxes().forEach(t -> text.append(t.name()).append('=').append(t.amount()).append('|'));
    text.append(totals.total());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
