package dev.mechanics.timeclock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TimeRatiosTest {

  /** 7.5 h sold, 6 h clocked, 8 h attended: efficiency 125.0 %, productivity 75.0 %. */
  @Test
  void efficiencyIsSoldOverClockedAndProductivityClockedOverAttended() {
    TimeRatios t = new TimeRatios(new BigDecimal("7.5"), new BigDecimal("6"), new BigDecimal("8"));
    assertThat(t.efficiencyPercent()).isEqualByComparingTo("125.0");
    assertThat(t.productivityPercent()).isEqualByComparingTo("75.0");
  }

  @Test
  void ratiosOfASumComeFromTheSummedHoursAndAreNullWithoutADenominator() {
    TimeRatios a = new TimeRatios(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("4"));
    TimeRatios b = new TimeRatios(new BigDecimal("3"), new BigDecimal("1"), new BigDecimal("4"));
    assertThat(a.plus(b).efficiencyPercent()).isEqualByComparingTo("133.3");   // 4 / 3, not (50 + 300) / 2
    assertThat(TimeRatios.ZERO.efficiencyPercent()).isNull();
    assertThat(TimeRatios.ZERO.productivityPercent()).isNull();
  }
}
