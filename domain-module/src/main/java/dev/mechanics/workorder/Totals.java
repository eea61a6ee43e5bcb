package dev.mechanics.workorder;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a work order's or invoice's money is added up. Declined lines are left out. Each tax is
 * rounded half-even once, on its base (the line amounts it applies to, themselves rounded once per line); a
 * negative base (discount larger than the taxable work) is taxed at zero.
 */
public record Totals(Money subtotal, List<TaxAmount> taxes, Money total, Money cost, Money grossProfit) {

  public record TaxAmount(String name, BigDecimal rate, Money amount) {
  }

  public static Totals of(List<? extends BillableLine> lines, List<TaxRule> rules) {
    Money subtotal = Money.ZERO;
    Money cost = Money.ZERO;
    for (BillableLine line : lines) {
      if (line.getApproval() == LineApproval.DECLINED) {
        continue;
      }
      subtotal = subtotal.plus(line.getAmount());
      if (line.getType() == LineType.PART && line.getUnitCost() != null) {
        cost = cost.plus(new Money(line.getUnitCost()).times(line.getQuantity()));
      }
    }
    List<TaxAmount> taxes = new ArrayList<>();
    Money taxTotal = Money.ZERO;
    for (TaxRule rule : rules) {
      Money base = Money.ZERO;
      for (BillableLine line : lines) {
        if (line.getApproval() != LineApproval.DECLINED && line.isTaxable() && rule.appliesTo(line.getType())) {
          base = base.plus(line.getAmount());
        }
      }
      Money tax = base.isNegative() ? Money.ZERO : base.times(rule.rate());
      taxes.add(new TaxAmount(rule.name(), rule.rate(), tax));
      taxTotal = taxTotal.plus(tax);
    }
    return new Totals(subtotal, List.copyOf(taxes), subtotal.plus(taxTotal), cost, subtotal.minus(cost));
  }

  public Money taxTotal() {
    return total.minus(subtotal);
  }

  /**
   * These totals, or 422 when an invoice of them could not be stored: the subtotal, each tax, the total and the
   * parts cost must each fit a money column. Checked before a line is written, so a work order never holds
   * lines that add up to more than can be invoiced.
   */
  public Totals requireStorable() {
    subtotal.requireStorable("lines", "the work order's subtotal");
    cost.requireStorable("lines", "the work order's parts cost");
    taxes.forEach(t -> t.amount().requireStorable("lines", "the work order's " + t.name()));
    taxTotal().requireStorable("lines", "the work order's tax");
    total.requireStorable("lines", "the work order's total");
    return this;
  }
}
