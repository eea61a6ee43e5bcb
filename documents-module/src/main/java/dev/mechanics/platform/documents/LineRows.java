package dev.mechanics.platform.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One printed line from what a line knows, in the reader's language: the type, the description, a small detail
 * line (part number, condition, technician) with only what is known, the quantity (hours on labor) and, when
 * prices are shown, the unit price and amount.
 */
public final class LineRows {

  private LineRows() {
  }

  /** What one line says; {@code quantity} is the hours on a labor line. */
  public record Particulars(String type, String description, String partNumber, String condition,
                            String technician, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
  }

  public static DocumentView.Line row(Particulars p, Formats f, Messages m, String decision, boolean declined) {
    return row(p, f, m, decision, declined, false);
  }

  /** {@code warranty}: a comeback's line booked as warranty, said in the detail line (its amount is 0.00). */
  public static DocumentView.Line row(Particulars p, Formats f, Messages m, String decision, boolean declined,
                                      boolean warranty) {
    List<String> detail = new ArrayList<>();
    if (warranty) {
      detail.add(m.get("detail.warranty"));
    }
    if (p.partNumber() != null && !p.partNumber().isBlank()) {
      detail.add(m.get("detail.partNumber", p.partNumber()));
    }
    if (p.condition() != null) {
      detail.add(m.get("detail.condition", m.get("condition." + p.condition())));
    }
    if (p.technician() != null) {
      detail.add(m.get("detail.technician", p.technician()));
    }
    String quantity = p.quantity() == null || p.quantity().signum() == 0 ? ""
        : "LABOR".equals(p.type()) ? m.get("detail.hours", f.number(p.quantity())) : f.number(p.quantity());
    return new DocumentView.Line(m.get("type." + p.type()), p.description(),
        detail.isEmpty() ? null : String.join(" \u00b7 ", detail), quantity,
        p.unitPrice() == null ? "" : f.money(p.unitPrice()), p.amount() == null ? "" : f.money(p.amount()),
        decision, declined);
  }
}
