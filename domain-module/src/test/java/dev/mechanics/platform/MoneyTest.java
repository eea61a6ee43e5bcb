package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void roundsHalfEvenToCents() {
    assertThat(Money.of("0.25").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.12"));
    assertThat(Money.of("0.35").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.18"));
    assertThat(Money.of("95.00").times(new BigDecimal("1.25"))).isEqualTo(Money.of("118.75"));
  }

  @Test
  void aClientAmountWithMoreThanTwoDecimalsIsRefusedNotRounded() {
    assertThat(Money.parse("12.5", "unitPrice").toString()).isEqualTo("12.50");
    assertThat(Money.parse("12.500", "unitPrice").toString()).isEqualTo("12.50");
    assertThatThrownBy(() -> Money.parse("12.505", "unitPrice")).isInstanceOf(DomainException.InvalidInput.class)
        .hasMessageContaining("two decimal places");
    assertThatThrownBy(() -> Money.parse("abc", "unitPrice")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Money.parse("1e15", "unitPrice")).isInstanceOf(DomainException.InvalidInput.class);
  }

  @Test
  void travelsAsADecimalStringWithTwoPlaces() {
    assertThat(Money.ZERO.toString()).isEqualTo("0.00");
    assertThat(Money.of("-20").toString()).isEqualTo("-20.00");
  }
}
