package dev.mechanics.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockTest {

  private static BigDecimal q(String text) {
    return Quantities.zeroOrMore(text, "quantity");
  }

  private static Stock stocked(String onHand, String cost) {
    Stock stock = Stock.empty(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    stock.receive(q(onHand), new BigDecimal(cost), StockMovement.Kind.RECEIVED, null);
    return stock;
  }

  @Test
  void theAverageCostMovesWithEachDelivery() {
    Stock stock = stocked("4", "10.00");
    stock.receive(q("4"), new BigDecimal("20.00"), StockMovement.Kind.RECEIVED, null);
    assertThat(stock.getAverageCost()).isEqualByComparingTo("15.00");
    stock.receive(q("2"), new BigDecimal("30.00"), StockMovement.Kind.RECEIVED, null);
    assertThat(stock.getAverageCost()).isEqualByComparingTo("18.00");
  }

  @Test
  void withoutBackordersAShortReservationIsRefusedAndChangesNothing() {
    Stock stock = stocked("2", "5.00");
    assertThatThrownBy(() -> stock.reserve(q("3"), false, null)).isInstanceOf(DomainException.Conflict.class);
    assertThat(stock.getReserved()).isZero();
    StockMovement movement = stock.reserve(q("3"), true, null);
    assertThat(movement.getReservedDelta()).isEqualByComparingTo("2");
    assertThat(stock.available()).isZero();
  }

  @Test
  void consumingTakesReservedPartsOffTheShelfAtTheAverageCost() {
    Stock stock = stocked("5", "7.00");
    stock.reserve(q("2"), false, null);
    StockMovement movement = stock.consume(q("2"), null);
    assertThat(movement.getOnHandDelta()).isEqualByComparingTo("-2");
    assertThat(movement.getUnitCost()).isEqualByComparingTo("7.00");
    assertThat(stock.getOnHand()).isEqualByComparingTo("3");
    assertThat(stock.getReserved()).isZero();
  }

  @Test
  void aCountBooksTheDifferenceAndMayNotFallBelowWhatIsReserved() {
    Stock stock = stocked("10", "3.00");
    stock.reserve(q("4"), false, null);
    assertThat(stock.count(q("8"), "damaged", null).getOnHandDelta()).isEqualByComparingTo("-2");
    assertThatThrownBy(() -> stock.count(q("3"), "lost", null)).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> stock.ship(q("5"), null)).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void quantitiesAreDecimalStringsThatAreNeverNegative() {
    assertThat(Quantities.text(Quantities.positive("1.500", "q"))).isEqualTo("1.5");
    assertThat(Quantities.text(Quantities.positive("10", "q"))).isEqualTo("10");
    assertThatThrownBy(() -> Quantities.positive("0", "q")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Quantities.zeroOrMore("-1", "q")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Quantities.zeroOrMore("1.0001", "q")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Quantities.zeroOrMore("abc", "q")).isInstanceOf(DomainException.InvalidInput.class);
  }
}
