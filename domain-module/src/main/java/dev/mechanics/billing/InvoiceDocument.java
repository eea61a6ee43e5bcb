package dev.mechanics.billing;

import dev.mechanics.platform.Money;
import dev.mechanics.workorder.BillableLine;
import dev.mechanics.workorder.LineApproval;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an invoice (or a credit note) bills, frozen when it is issued: its lines, taxes and the tax rules they
 * were computed with, so a credit note taxes exactly like its invoice even after the shop changed its rates.
 * Stored as tab-separated text (one record per line) so that the invoice never changes with the work order it
 * came from. Documents issued before the rules were frozen have no {@code R} records and no taxable flags
 * ({@code rules} empty, {@code taxable} null); {@link CreditNoteService} fills those from the frozen work order.
 */
public record InvoiceDocument(String workOrderNumber, List<Line> lines, List<Totals.TaxAmount> taxes,
                              List<TaxRule> rules) {

  /**
   * One billed line. {@code invoiceLine} is the line's index on the invoice; on a credit note, the index of the
   * invoice line it credits. {@code quantity} is zero on a credit line that credits an amount only.
   * {@code warranty}: a comeback's line booked as warranty (ADR 0053), billed at 0.00 with its price shown.
   */
  public record Line(String type, String description, BigDecimal quantity, Money unitPrice, Money amount,
                     Boolean taxable, int invoiceLine, String partNumber, String condition, UUID technicianId,
                     boolean warranty)
      implements BillableLine {

    /** A charged line (documents frozen before warranty was kept say nothing: charged). */
    public Line(String type, String description, BigDecimal quantity, Money unitPrice, Money amount,
                Boolean taxable, int invoiceLine, String partNumber, String condition, UUID technicianId) {
      this(type, description, quantity, unitPrice, amount, taxable, invoiceLine, partNumber, condition,
          technicianId, false);
    }

    /** A line without part number, condition or technician (frozen before they were kept, or none stated). */
    public Line(String type, String description, BigDecimal quantity, Money unitPrice, Money amount,
                Boolean taxable, int invoiceLine) {
      this(type, description, quantity, unitPrice, amount, taxable, invoiceLine, null, null, null);
    }

    /** This line credited: the same particulars, another quantity and amount. */
    Line credited(BigDecimal creditedQuantity, Money creditedAmount) {
      return new Line(type, description, creditedQuantity, unitPrice, creditedAmount, taxable, invoiceLine,
          partNumber, condition, technicianId, warranty);
    }

    @Override
    public LineType getType() {
      return LineType.valueOf(type);
    }

    @Override
    public Money getAmount() {
      return amount;
    }

    @Override
    public boolean isTaxable() {
      return Boolean.TRUE.equals(taxable);
    }

    @Override
    public LineApproval getApproval() {
      return LineApproval.APPROVED;
    }

    @Override
    public BigDecimal getQuantity() {
      return quantity;
    }

    @Override
    public BigDecimal getUnitCost() {
      return null;
    }

    Line withTaxable(boolean value) {
      return new Line(type, description, quantity, unitPrice, amount, value, invoiceLine, partNumber, condition,
          technicianId, warranty);
    }
  }

  static InvoiceDocument of(WorkOrder workOrder, Totals totals, List<TaxRule> rules) {
    List<Line> lines = new ArrayList<>();
    for (WorkOrderLine l : workOrder.getLines()) {
      if (l.getApproval() != LineApproval.DECLINED) {
        lines.add(lineOf(l, lines.size()));
      }
    }
    return new InvoiceDocument(workOrder.getNumber(), lines, totals.taxes(), List.copyOf(rules));
  }

  static Line lineOf(WorkOrderLine l, int index) {
    BigDecimal qty = l.getHours() != null ? l.getHours() : l.getQuantity();
    Money price = new Money(l.getRate() != null ? l.getRate() : l.getUnitPrice());
    return new Line(l.getType().name(), l.getDescription(), qty, price, l.getAmount(), l.isTaxable(), index,
        l.getPartNumber(), l.getCondition() == null ? null : l.getCondition().name(), l.getTechnicianId(),
        l.isWarranty());
  }

  String encode() {
    StringBuilder text = new StringBuilder("W\t").append(clean(workOrderNumber)).append('\n');
    for (Line l : lines) {
      text.append("L\t").append(l.type()).append('\t').append(clean(l.description())).append('\t')
          .append(l.quantity().toPlainString()).append('\t').append(l.unitPrice()).append('\t').append(l.amount())
          .append('\t').append(l.taxable() == null ? "" : l.taxable().toString()).append('\t')
          .append(l.invoiceLine()).append('\t').append(clean(l.partNumber())).append('\t')
          .append(clean(l.condition())).append('\t').append(l.technicianId() == null ? "" : l.technicianId())
          .append('\t').append(l.warranty() ? "W" : "").append('\n');
    }
    for (Totals.TaxAmount t : taxes) {
      text.append("T\t").append(clean(t.name())).append('\t').append(t.rate().toPlainString()).append('\t')
          .append(t.amount()).append('\n');
    }
    for (TaxRule r : rules) {
      text.append("R\t").append(clean(r.name())).append('\t').append(r.rate().toPlainString()).append('\t')
          .append(r.appliesToLabor()).append('\t').append(r.appliesToParts()).append('\n');
    }
    return text.toString();
  }

  static InvoiceDocument decode(String text) {
    String number = null;
    List<Line> lines = new ArrayList<>();
    List<Totals.TaxAmount> taxes = new ArrayList<>();
    List<TaxRule> rules = new ArrayList<>();
    for (String row : text.split("\n")) {
      String[] f = row.split("\t", -1);
      switch (f[0]) {
        case "W" -> number = f[1];
        case "L" -> lines.add(new Line(f[1], f[2], new BigDecimal(f[3]), Money.of(f[4]), Money.of(f[5]),
            f.length > 6 && !f[6].isEmpty() ? Boolean.valueOf(f[6]) : null,
            f.length > 7 ? Integer.parseInt(f[7]) : lines.size(), optional(f, 8), optional(f, 9),
            optional(f, 10) == null ? null : UUID.fromString(f[10]), "W".equals(optional(f, 11))));
        case "T" -> taxes.add(new Totals.TaxAmount(f[1], new BigDecimal(f[2]), Money.of(f[3])));
        case "R" -> rules.add(new TaxRule(f[1], new BigDecimal(f[2]), Boolean.parseBoolean(f[3]),
            Boolean.parseBoolean(f[4])));
        default -> { }
      }
    }
    return new InvoiceDocument(number, List.copyOf(lines), List.copyOf(taxes), List.copyOf(rules));
  }

  /** Fields added later are absent from older documents, and empty when not stated. */
  private static String optional(String[] fields, int index) {
    return fields.length > index && !fields[index].isEmpty() ? fields[index] : null;
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
