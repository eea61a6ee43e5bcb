package dev.mechanics.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceMatrixTest {

  private static final PriceMatrix MATRIX = new PriceMatrix(List.of(
      new PriceMatrix.Tier(Money.of("10.00"), new BigDecimal("100")),
      new PriceMatrix.Tier(Money.of("50.00"), new BigDecimal("60")),
      new PriceMatrix.Tier(null, new BigDecimal("35"))));

  @Test
  void theMarkupFallsAsTheCostRisesAndEachBoundIsInclusive() {
    assertThat(MATRIX.priceFor(Money.of("8.00"))).isEqualTo(Money.of("16.00"));
    assertThat(MATRIX.priceFor(Money.of("10.00"))).isEqualTo(Money.of("20.00"));
    assertThat(MATRIX.priceFor(Money.of("10.01"))).isEqualTo(Money.of("16.02"));
    assertThat(MATRIX.priceFor(Money.of("100.00"))).isEqualTo(Money.of("135.00"));
  }

  @Test
  void aMatrixSurvivesItsTextForm() {
    assertThat(PriceMatrix.parse(MATRIX.text())).isEqualTo(MATRIX);
    assertThat(PriceMatrix.AT_COST.priceFor(Money.of("7.35"))).isEqualTo(Money.of("7.35"));
  }

  @Test
  void boundsMustRiseAndTheLastTierTakesEveryCost() {
    assertThatThrownBy(() -> new PriceMatrix(List.of(new PriceMatrix.Tier(Money.of("10.00"), BigDecimal.TEN))))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> new PriceMatrix(List.of(new PriceMatrix.Tier(Money.of("10.00"), BigDecimal.TEN),
        new PriceMatrix.Tier(Money.of("5.00"), BigDecimal.TEN), new PriceMatrix.Tier(null, BigDecimal.ONE))))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> new PriceMatrix(List.of(new PriceMatrix.Tier(null, new BigDecimal("-1")))))
        .isInstanceOf(DomainException.InvalidInput.class);
  }
}
