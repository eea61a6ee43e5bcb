package dev.mechanics.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of credit notes, in milliseconds: no server, no database. */
class CreditCalculationTest {

  /** 8 % on labor and parts. */
  private static final TaxRule SALES_TAX = new TaxRule("Sales tax", new BigDecimal("0.08"), true, true);

  /** Labor 1.5 h x 110.00 = 165.00, pads 2 x 29.95 = 59.90, an untaxed fee 10.00: subtotal 234.90. */
  private static InvoiceDocument invoice() {
    List<InvoiceDocument.Line> lines = List.of(
        new InvoiceDocument.Line("LABOR", "Replace pads", new BigDecimal("1.5"), Money.of("110.00"),
            Money.of("165.00"), true, 0),
        new InvoiceDocument.Line("PART", "Pads", new BigDecimal("2"), Money.of("29.95"), Money.of("59.90"), true, 1),
        new InvoiceDocument.Line("FEE", "Disposal", BigDecimal.ONE, Money.of("10.00"), Money.of("10.00"), false, 2));
    Totals totals = Totals.of(lines, List.of(SALES_TAX));
    return new InvoiceDocument("WO-000001", lines, totals.taxes(), List.of(SALES_TAX));
  }

  private static CreditRequest lines(CreditRequest.LineCredit... credits) {
    return new CreditRequest("Goodwill", List.of(credits), null);
  }

  private static CreditRequest amount(String amount) {
    return new CreditRequest("Goodwill", List.of(), Money.of(amount));
  }

  private static CreditRequest.LineCredit line(int line, String quantity) {
    return new CreditRequest.LineCredit(line, quantity == null ? null : new BigDecimal(quantity));
  }

  private static InvoiceDocument asDocument(CreditCalculation.Credit credit) {
    return new InvoiceDocument("WO-000001", credit.lines(), credit.taxes(), List.of(SALES_TAX));
  }

  @Test
  void aWholeLineIsCreditedWithItsTax() {
    CreditCalculation.Credit credit = new CreditCalculation(invoice(), List.of()).credit(lines(line(1, null)), "INV-1");
    assertThat(credit.subtotal()).isEqualTo(Money.of("59.90"));
    assertThat(credit.taxTotal()).isEqualTo(Money.of("4.79"));
    assertThat(credit.total()).isEqualTo(Money.of("64.69"));
    assertThat(credit.lines().get(0).invoiceLine()).isEqualTo(1);
  }

  @Test
  void partialCreditsOfALineAddUpToTheLineToTheCent() {
    InvoiceDocument billed = invoice();
    List<InvoiceDocument> earlier = new ArrayList<>();
    Money credited = Money.ZERO;
    for (String hours : List.of("0.5", "0.5", "0.5")) {
      CreditCalculation.Credit credit = new CreditCalculation(billed, earlier).credit(lines(line(0, hours)), "INV-1");
      credited = credited.plus(credit.subtotal());
      earlier.add(asDocument(credit));
    }
    assertThat(credited).isEqualTo(Money.of("165.00"));
    assertThat(new CreditCalculation(billed, earlier).left(0)).isEqualTo(Money.ZERO);
    assertThatThrownBy(() -> new CreditCalculation(billed, earlier).credit(lines(line(0, null)), "INV-1"))
        .isInstanceOf(DomainException.InvalidInput.class).hasMessageContaining("already credited in full");
  }

  @Test
  void anAmountIsSpreadInProportionAndAddsUpExactly() {
    CreditCalculation.Credit credit = new CreditCalculation(invoice(), List.of()).credit(amount("100.00"), "INV-1");
    assertThat(credit.subtotal()).isEqualTo(Money.of("100.00"));
    assertThat(credit.lines()).hasSize(3);
    Money sum = credit.lines().stream().map(InvoiceDocument.Line::amount).reduce(Money.ZERO, Money::plus);
    assertThat(sum).isEqualTo(Money.of("100.00"));
    // 165.00 / 234.90 of 100.00, the largest line, takes the rounding remainder
    assertThat(credit.lines().get(0).amount()).isEqualTo(Money.of("70.24"));
    assertThat(credit.lines().get(2).amount()).isEqualTo(Money.of("4.26"));
  }

  @Test
  void theCreditNoteThatEmptiesTheInvoiceReversesEveryTaxExactly() {
    InvoiceDocument billed = invoice();
    CreditCalculation.Credit first = new CreditCalculation(billed, List.of()).credit(amount("33.33"), "INV-1");
    CreditCalculation.Credit rest = new CreditCalculation(billed, List.of(asDocument(first)))
        .credit(lines(line(0, null), line(1, null), line(2, null)), "INV-1");
    assertThat(first.subtotal().plus(rest.subtotal())).isEqualTo(Money.of("234.90"));
    assertThat(first.taxTotal().plus(rest.taxTotal())).isEqualTo(billed.taxes().get(0).amount());
  }

  @Test
  void aTaxIsNeverCreditedBeyondWhatTheInvoiceCharged() {
    InvoiceDocument billed = invoice();
    List<InvoiceDocument> earlier = new ArrayList<>();
    Money tax = Money.ZERO;
    for (int i = 0; i < 7; i++) {
      CreditCalculation.Credit credit = new CreditCalculation(billed, earlier).credit(amount("0.07"), "INV-1");
      tax = tax.plus(credit.taxTotal());
      earlier.add(asDocument(credit));
    }
    assertThat(tax.compareTo(billed.taxes().get(0).amount())).isLessThanOrEqualTo(0);
  }

  @Test
  void impossibleCreditsAreRefusedNamingTheField() {
    CreditCalculation calc = new CreditCalculation(invoice(), List.of());
    assertThatThrownBy(() -> calc.credit(lines(line(3, null)), "INV-1"))
        .isInstanceOf(DomainException.InvalidInput.class).satisfies(e -> assertThat(field(e)).isEqualTo("lines[0].line"));
    assertThatThrownBy(() -> calc.credit(lines(line(1, null), line(1, "1")), "INV-1"))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> calc.credit(lines(line(1, "3")), "INV-1"))
        .satisfies(e -> assertThat(field(e)).isEqualTo("lines[0].quantity"));
    assertThatThrownBy(() -> calc.credit(amount("234.91"), "INV-1"))
        .hasMessageContaining("only 234.90 of invoice INV-1");
    assertThatThrownBy(() -> calc.credit(amount("0.00"), "INV-1")).hasMessage("must be more than 0");
  }

  private static String field(Throwable e) {
    return ((DomainException) e).fieldProblems().get(0).field();
  }

  @Test
  void aRequestCreditsLinesOrAnAmountNeverBothNorNeither() {
    assertThatThrownBy(() -> new CreditRequest("x", List.of(line(0, null)), Money.of("1.00")).requireOneKind())
        .isInstanceOf(DomainException.Malformed.class);
    assertThatThrownBy(() -> new CreditRequest("x", List.of(), null).requireOneKind())
        .isInstanceOf(DomainException.Malformed.class);
    new CreditRequest("x", List.of(), Money.of("1.00")).requireOneKind();
  }
}
