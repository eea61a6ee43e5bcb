package dev.mechanics.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Totals are computed in one place; these properties hold for any mix of lines and tax rates. */
class TotalsPropertiesTest {

  /** A line as the totals see it, with its amount computed the way a work-order line computes it. */
  record Line(LineType type, BigDecimal quantity, Money unitPrice, BigDecimal unitCost, boolean taxable,
              LineApproval approval) implements BillableLine {
    @Override
    public LineType getType() {
      return type;
    }

    @Override
    public Money getAmount() {
      return type == LineType.LABOR ? LineAmounts.labor(quantity, unitPrice)
          : LineAmounts.priced(type, quantity, unitPrice);
    }

    @Override
    public boolean isTaxable() {
      return taxable;
    }

    @Override
    public LineApproval getApproval() {
      return approval;
    }

    @Override
    public BigDecimal getQuantity() {
      return quantity;
    }

    @Override
    public BigDecimal getUnitCost() {
      return unitCost;
    }
  }

  @Provide
  Arbitrary<Line> lines() {
    Arbitrary<LineType> types = Arbitraries.of(LineType.class);
    Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals().between(new BigDecimal("0.001"),
        new BigDecimal("500")).ofScale(3);
    Arbitrary<Money> prices = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000"))
        .ofScale(2).map(Money::new);
    Arbitrary<BigDecimal> costs = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000"))
        .ofScale(2).injectNull(0.3);
    return Combinators.combine(types, quantities, prices, costs, Arbitraries.of(true, false),
        Arbitraries.of(LineApproval.class)).as(Line::new);
  }

  @Provide
  Arbitrary<TaxRule> rules() {
    return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.3")).ofScale(4),
        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(TaxRule::new);
  }

  @Property
  void totalIsSubtotalPlusEachTax(@ForAll @Size(max = 30) List<@net.jqwik.api.From("lines") Line> lines,
                                  @ForAll @Size(max = 4) List<@net.jqwik.api.From("rules") TaxRule> rules) {
    Totals t = Totals.of(lines, rules);
    Money taxes = t.taxes().stream().map(Totals.TaxAmount::amount).reduce(Money.ZERO, Money::plus);
    assertThat(t.total()).isEqualTo(t.subtotal().plus(taxes));
    assertThat(t.taxes()).hasSize(rules.size());
    assertThat(t.grossProfit()).isEqualTo(t.subtotal().minus(t.cost()));
  }

  @Property
  void subtotalIsTheSumOfTheLinesNotDeclined(@ForAll @Size(max = 30) List<@net.jqwik.api.From("lines") Line> lines) {
    Money expected = lines.stream().filter(l -> l.approval() != LineApproval.DECLINED).map(Line::getAmount)
        .reduce(Money.ZERO, Money::plus);
    assertThat(Totals.of(lines, List.of()).subtotal()).isEqualTo(expected);
  }

  @Property
  void eachLineIsRoundedOnceHalfEvenToCents(@ForAll("lines") Line line) {
    BigDecimal exact = line.unitPrice().amount().multiply(line.quantity());
    BigDecimal expected = exact.setScale(2, RoundingMode.HALF_EVEN);
    assertThat(line.getAmount().amount().abs()).isEqualByComparingTo(expected);
    assertThat(line.getAmount().amount().scale()).isEqualTo(2);
    assertThat(line.getAmount().isNegative()).isEqualTo(line.type() == LineType.DISCOUNT && expected.signum() > 0);
  }

  @Property
  void theOrderOfLinesDoesNotChangeTheTotals(@ForAll @Size(max = 20) List<@net.jqwik.api.From("lines") Line> lines,
                                            @ForAll @Size(max = 3) List<@net.jqwik.api.From("rules") TaxRule> rules) {
    List<Line> reversed = new ArrayList<>(lines);
    Collections.reverse(reversed);
    assertThat(Totals.of(reversed, rules)).isEqualTo(Totals.of(lines, rules));
  }

  @Property
  void declinedLinesAffectNothing(@ForAll @Size(max = 20) List<@net.jqwik.api.From("lines") Line> lines,
                                  @ForAll("lines") Line extra,
                                  @ForAll @Size(max = 3) List<@net.jqwik.api.From("rules") TaxRule> rules) {
    List<Line> withDeclined = new ArrayList<>(lines);
    withDeclined.add(new Line(extra.type(), extra.quantity(), extra.unitPrice(), extra.unitCost(), extra.taxable(),
        LineApproval.DECLINED));
    assertThat(Totals.of(withDeclined, rules)).isEqualTo(Totals.of(lines, rules));
  }

  @Property
  void taxesAreNeverNegativeAndOnlyOnTaxableLinesTheyApplyTo(
      @ForAll @Size(max = 20) List<@net.jqwik.api.From("lines") Line> lines,
      @ForAll("rules") TaxRule rule) {
    Totals.TaxAmount tax = Totals.of(lines, List.of(rule)).taxes().get(0);
    assertThat(tax.amount().isNegative()).isFalse();
    Money base = lines.stream().filter(l -> l.approval() != LineApproval.DECLINED && l.taxable()
        && rule.appliesTo(l.type())).map(Line::getAmount).reduce(Money.ZERO, Money::plus);
    Money expected = base.isNegative() ? Money.ZERO : base.times(rule.rate());
    assertThat(tax.amount()).isEqualTo(expected);
  }

  /** The board adds the lines up per type, taxability and approval in the database (WorkOrders.board). */
  @Property
  void linesSummedPerKindGiveTheSameSubtotalTaxesAndTotal(
      @ForAll @Size(max = 30) List<@net.jqwik.api.From("lines") Line> lines,
      @ForAll @Size(max = 4) List<@net.jqwik.api.From("rules") TaxRule> rules) {
    Map<List<Object>, WorkOrders.LineSum> sums = new LinkedHashMap<>();
    lines.forEach(l -> sums.merge(List.of(l.type(), l.taxable(), l.approval()),
        new WorkOrders.LineSum(l.type(), l.taxable(), l.approval(), 1, l.getAmount()),
        (a, b) -> new WorkOrders.LineSum(a.type(), a.taxable(), a.approval(), a.lines() + b.lines(),
            a.amount().plus(b.amount()))));
    List<WorkOrders.LineSum> summed = List.copyOf(sums.values());
    Totals byLine = Totals.of(lines, rules);
    Totals byKind = Totals.of(summed, rules);
    assertThat(byKind.subtotal()).isEqualTo(byLine.subtotal());
    assertThat(byKind.taxes()).isEqualTo(byLine.taxes());
    assertThat(byKind.total()).isEqualTo(byLine.total());
  }
}
