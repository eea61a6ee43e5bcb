package dev.mechanics.billing;

import dev.mechanics.platform.Money;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.LineApproval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an invoice bills, frozen when it is issued: its lines and taxes. Stored as tab-separated text (one
 * record per line) so that the invoice never changes with the work order it came from.
 */
public record InvoiceDocument(String workOrderNumber, List<Line> lines, List<Totals.TaxAmount> taxes) {

  public record Line(String type, String description, BigDecimal quantity, Money unitPrice, Money amount) {
  }

  static InvoiceDocument of(WorkOrder workOrder, Totals totals) {
    List<Line> lines = new ArrayList<>();
    for (WorkOrderLine l : workOrder.getLines()) {
      if (l.getApproval() != LineApproval.DECLINED) {
        BigDecimal qty = l.getHours() != null ? l.getHours() : l.getQuantity();
        Money price = new Money(l.getRate() != null ? l.getRate() : l.getUnitPrice());
        lines.add(new Line(l.getType().name(), l.getDescription(), qty, price, l.getAmount()));
      }
    }
    return new InvoiceDocument(workOrder.getNumber(), lines, totals.taxes());
  }

  String encode() {
    StringBuilder text = new StringBuilder("W\t").append(clean(workOrderNumber)).append('\n');
    for (Line l : lines) {
      text.append("L\t").append(l.type()).append('\t').append(clean(l.description())).append('\t')
          .append(l.quantity().toPlainString()).append('\t').append(l.unitPrice()).append('\t').append(l.amount())
          .append('\n');
    }
    for (Totals.TaxAmount t : taxes) {
      text.append("T\t").append(clean(t.name())).append('\t').append(t.rate().toPlainString()).append('\t')
          .append(t.amount()).append('\n');
    }
    return text.toString();
  }

  static InvoiceDocument decode(String text) {
    String number = null;
    List<Line> lines = new ArrayList<>();
    List<Totals.TaxAmount> taxes = new ArrayList<>();
    for (String row : text.split("\n")) {
      String[] f = row.split("\t", -1);
      switch (f[0]) {
        case "W" -> number = f[1];
        case "L" -> lines.add(new Line(f[1], f[2], new BigDecimal(f[3]), Money.of(f[4]), Money.of(f[5])));
        case "T" -> taxes.add(new Totals.TaxAmount(f[1], new BigDecimal(f[2]), Money.of(f[3])));
        default -> { }
      }
    }
    return new InvoiceDocument(number, List.copyOf(lines), List.copyOf(taxes));
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
