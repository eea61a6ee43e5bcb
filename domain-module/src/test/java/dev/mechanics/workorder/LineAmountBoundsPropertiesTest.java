package dev.mechanics.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Shop;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Issue 15.6: whatever a client may send as a line (every value inside the wire limits, products far beyond
 * what a money column holds), writing it either stores amounts that fit or refuses with a 422 before anything
 * is stored; and adding up what is stored never fails, so one bad work order cannot break the board.
 */
class LineAmountBoundsPropertiesTest {

  private static final BigDecimal WIRE_MONEY_MAX = new BigDecimal("999999999999.99");
  private static final Money SHOP_RATE = Money.of("120.00");

  private static WorkOrder estimate() {
    return new WorkOrder(Ids.newId(), new Id<Shop>(Ids.newId()), "WO-000001", new Id<Customer>(Ids.newId()),
        new Id<Vehicle>(Ids.newId()), "WAITING", Ids.newId());
  }

  /** Money as the wire allows it (0 to twelve nines), with the extremes more often than chance would give. */
  private static Arbitrary<Money> money() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, WIRE_MONEY_MAX).ofScale(2),
        Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.01"), WIRE_MONEY_MAX, new BigDecimal("500000000000.00")))
        .map(Money::new);
  }

  @Provide
  Arbitrary<LineDetails> lines() {
    Arbitrary<LineType> types = Arbitraries.of(LineType.class);
    Arbitrary<BigDecimal> hours = Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9999.99")).ofScale(2),
        Arbitraries.of(new BigDecimal("9999.99"), new BigDecimal("0.01")));
    Arbitrary<BigDecimal> quantities = Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("9999999")).ofScale(3),
        Arbitraries.of(new BigDecimal("9999999.000"), new BigDecimal("2.000"), new BigDecimal("0.001")));
    return Combinators.combine(types, hours, money().injectNull(0.3), quantities.injectNull(0.2),
            money().injectNull(0.3), money(), Arbitraries.of(true, false))
        .as((type, h, rate, qty, cost, price, taxable) -> new LineDetails(type, "line", h, rate, null, null, qty,
            cost, price, taxable));
  }

  @Property(tries = 2000)
  void aLineIsEitherStoredWithinTheColumnsOrRefusedWith422(@ForAll("lines") LineDetails details) {
    WorkOrder workOrder = estimate();
    try {
      WorkOrderLine line = workOrder.addLine(details, SHOP_RATE);
      assertThat(line.getAmount().isStorable()).isTrue();
      if (line.getUnitCost() != null) {
        assertThat(new Money(line.getUnitCost()).times(line.getQuantity()).isStorable()).isTrue();
      }
    } catch (DomainException.InvalidInput refused) {
      assertThat(refused.fieldProblems()).isNotEmpty();
    }
  }

  @Property(tries = 500)
  void theSumsOfStoredLinesAreAlwaysComputedAndEitherInvoiceableOrRefusedWith422(
      @ForAll @Size(max = 12) List<@net.jqwik.api.From("lines") LineDetails> lines) {
    WorkOrder workOrder = estimate();
    for (LineDetails details : lines) {
      try {
        workOrder.addLine(details, SHOP_RATE);
      } catch (DomainException.InvalidInput refused) {
        // refused lines are not on the work order
      }
    }
    // what the board and the work order show: never an exception, whatever the lines add up to
    Totals totals = Totals.of(workOrder.getLines(), List.of(new TaxRule("VAT", new BigDecimal("0.2500"), true,
        true)));
    try {
      totals.requireStorable();
      assertThat(totals.total().isStorable()).isTrue();
    } catch (DomainException.InvalidInput refused) {
      assertThat(refused.getMessage()).contains("more than the largest amount");
    }
  }

  /** The reviewer's case: unit price 0.01, quantity 2, unit cost 999999999999.99. */
  @Example
  void aPartWhoseCostOverflowsIsRefusedBeforeItIsStored() {
    WorkOrder workOrder = estimate();
    LineDetails part = new LineDetails(LineType.PART, "Pads", null, null, null, "P-1", new BigDecimal("2"),
        new Money(WIRE_MONEY_MAX), Money.of("0.01"), true);
    assertThatThrownBy(() -> workOrder.addLine(part, SHOP_RATE)).isInstanceOf(DomainException.InvalidInput.class)
        .hasMessageContaining("quantity x unitCost");
    assertThat(workOrder.getLines()).isEmpty();
  }
}
