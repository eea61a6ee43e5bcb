package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.workorder.LineAmounts;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The arithmetic of a credit note, with no database: what it credits of each invoice line and of each tax,
 * given the invoice's frozen document and the credit notes issued before it.
 *
 * <p>A credited line's amount is rounded half-even once (hours x rate, quantity x unit price, as on the
 * invoice); crediting what is left of a line takes exactly that remainder, so partial credits add up to the
 * line to the cent. An amount is spread over the lines in proportion to what is left of each, the last cent
 * going to the largest. Taxes are computed by {@link Totals} with the invoice's frozen rules and never credit
 * more of a tax than the invoice charged; the credit note that empties the invoice takes exactly what is left
 * of each tax, so a full credit reverses the invoice.
 */
public final class CreditCalculation {

  /** The credit note's lines (each naming the invoice line it credits), taxes and totals. */
  public record Credit(List<InvoiceDocument.Line> lines, Money subtotal, List<Totals.TaxAmount> taxes,
                       Money taxTotal) {
    public Money total() {
      return subtotal.plus(taxTotal);
    }
  }

  private final InvoiceDocument billed;
  private final Money[] amounts;
  private final BigDecimal[] quantities;
  private final Money[] taxes;

  /** What {@code earlier} (the documents of the invoice's credit notes so far) took of {@code billed}. */
  public CreditCalculation(InvoiceDocument billed, List<InvoiceDocument> earlier) {
    this.billed = billed;
    int n = billed.lines().size();
    amounts = new Money[n];
    quantities = new BigDecimal[n];
    taxes = new Money[billed.taxes().size()];
    Arrays.fill(amounts, Money.ZERO);
    Arrays.fill(quantities, BigDecimal.ZERO);
    Arrays.fill(taxes, Money.ZERO);
    for (InvoiceDocument d : earlier) {
      for (InvoiceDocument.Line l : d.lines()) {
        amounts[l.invoiceLine()] = amounts[l.invoiceLine()].plus(l.amount());
        quantities[l.invoiceLine()] = quantities[l.invoiceLine()].add(l.quantity());
      }
      for (int r = 0; r < Math.min(taxes.length, d.taxes().size()); r++) {
        taxes[r] = taxes[r].plus(d.taxes().get(r).amount());
      }
    }
  }

  /** What is left to credit of invoice line {@code line}. */
  public Money left(int line) {
    return billed.lines().get(line).amount().minus(amounts[line]);
  }

  /** The credit asked for ({@code invoiceNumber} for the messages); 422 when it cannot be credited. */
  public Credit credit(CreditRequest request, String invoiceNumber) {
    List<InvoiceDocument.Line> lines = request.amount() != null ? spread(request.amount(), invoiceNumber)
        : creditLines(request.lines());
    Totals computed = Totals.of(lines, billed.rules());
    boolean emptiesInvoice = empties(lines);
    List<Totals.TaxAmount> credited = new ArrayList<>();
    Money taxTotal = Money.ZERO;
    for (int r = 0; r < computed.taxes().size(); r++) {
      Totals.TaxAmount invoiced = billed.taxes().get(r);
      Money left = invoiced.amount().minus(taxes[r]);
      Money computedTax = computed.taxes().get(r).amount();
      Money tax = emptiesInvoice || computedTax.compareTo(left) > 0 ? left : computedTax;
      credited.add(new Totals.TaxAmount(invoiced.name(), invoiced.rate(), tax));
      taxTotal = taxTotal.plus(tax);
    }
    return new Credit(lines, computed.subtotal(), credited, taxTotal);
  }

  private List<InvoiceDocument.Line> creditLines(List<CreditRequest.LineCredit> requested) {
    List<InvoiceDocument.Line> lines = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < requested.size(); k++) {
      CreditRequest.LineCredit credit = requested.get(k);
      String field = "lines[" + k + "]";
      if (credit.line() < 0 || credit.line() >= billed.lines().size()) {
        throw DomainException.InvalidInput.field(field + ".line", "the invoice has no line " + credit.line()
            + " (it has lines 0 to " + (billed.lines().size() - 1) + ")");
      }
      if (!seen.add(credit.line())) {
        throw DomainException.InvalidInput.field(field + ".line", "line " + credit.line() + " is listed twice");
      }
      InvoiceDocument.Line billedLine = billed.lines().get(credit.line());
      Money leftAmount = left(credit.line());
      BigDecimal leftQuantity = billedLine.quantity().subtract(quantities[credit.line()]).max(BigDecimal.ZERO);
      if (leftAmount.isZero()) {
        throw DomainException.InvalidInput.field(field + ".line", "line " + credit.line() + " was already credited "
            + "in full");
      }
      BigDecimal quantity = credit.quantity() == null ? leftQuantity : credit.quantity();
      if (quantity.signum() <= 0 || quantity.compareTo(leftQuantity) > 0) {
        throw DomainException.InvalidInput.field(field + ".quantity", "must be more than 0 and at most "
            + leftQuantity.stripTrailingZeros().toPlainString() + " (what is left of line " + credit.line() + ")");
      }
      Money amount;
      if (quantity.compareTo(leftQuantity) == 0) {
        amount = leftAmount;
      } else {
        LineType type = billedLine.getType();
        Money priced = type == LineType.LABOR ? LineAmounts.labor(quantity, billedLine.unitPrice())
            : LineAmounts.priced(type, quantity, billedLine.unitPrice());
        amount = priced.abs().compareTo(leftAmount.abs()) > 0 ? leftAmount : priced;
      }
      lines.add(billedLine.credited(quantity, amount));
    }
    return lines;
  }

  /** Spread in proportion to what is left of each line, rounded half-even once per line, last cent to the largest. */
  private List<InvoiceDocument.Line> spread(Money amount, String invoiceNumber) {
    if (amount.isNegative() || amount.isZero()) {
      throw DomainException.InvalidInput.field("amount", "must be more than 0");
    }
    Money left = Money.ZERO;
    int largest = -1;
    for (int i = 0; i < billed.lines().size(); i++) {
      Money l = left(i);
      left = left.plus(l);
      if (!l.isZero() && (largest < 0 || l.compareTo(left(largest)) > 0)) {
        largest = i;
      }
    }
    if (amount.compareTo(left) > 0 || largest < 0) {
      throw DomainException.InvalidInput.field("amount", "credits " + amount + " before tax but only "
          + (largest < 0 ? Money.ZERO : left) + " of invoice " + invoiceNumber + " is left to credit before tax");
    }
    Money[] shares = new Money[billed.lines().size()];
    Money assigned = Money.ZERO;
    for (int i = 0; i < shares.length; i++) {
      Money l = left(i);
      shares[i] = amount.compareTo(left) == 0 ? l : Money.rounded(amount.amount().multiply(l.amount())
          .divide(left.amount(), 10, RoundingMode.HALF_EVEN));
      assigned = assigned.plus(shares[i]);
    }
    shares[largest] = shares[largest].plus(amount.minus(assigned));
    List<InvoiceDocument.Line> lines = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      if (!shares[i].isZero()) {
        InvoiceDocument.Line b = billed.lines().get(i);
        lines.add(b.credited(BigDecimal.ZERO, shares[i]));
      }
    }
    return lines;
  }

  /** Whether these credit lines take everything that is left of every invoice line. */
  private boolean empties(List<InvoiceDocument.Line> lines) {
    Money[] left = new Money[billed.lines().size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = left(i);
    }
    for (InvoiceDocument.Line l : lines) {
      left[l.invoiceLine()] = left[l.invoiceLine()].minus(l.amount());
    }
    return Arrays.stream(left).allMatch(Money::isZero);
  }
}
