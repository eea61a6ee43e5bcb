package dev.mechanics.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShopReportTest {

  private static Map<String, String> kpis(ShopReport.Figures f) {
    return kpis(f, ShopReport.Floor.zero(null));
  }

  private static Map<String, String> kpis(ShopReport.Figures f, ShopReport.Floor floor) {
    return ShopReport.kpis(f, floor).stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void kpisFollowTheirDefinitions() {
    // labor 442.76 over 3.75 h, parts 184.77 costing 80.30, a fee of 35 and a discount of 10, 2 cars
    ShopReport.Figures f = new ShopReport.Figures(7, d("442.76"), d("3.75"), d("184.77"), d("80.30"), 1,
        d("35.00"), d("-10.00"), 2, d("652.53"), d("0"));
    Map<String, String> k = kpis(f);
    assertThat(k).containsEntry("sales", "652.53").containsEntry("average_repair_order", "326.26")
        .containsEntry("gross_profit", "572.23").containsEntry("gross_profit_percent", "87.7")
        .containsEntry("effective_labor_rate", "118.07").containsEntry("labor_hours_sold", "3.75")
        .containsEntry("reconciled", "true").containsEntry("technician_hours_clocked", "0.00")
        .containsEntry("efficiency_percent", "n/a").containsEntry("productivity_percent", "n/a")
        .containsEntry("comebacks", "0").containsEntry("comeback_rate_percent", "0.0")
        .containsEntry("parts_lines_without_cost", "1");
  }

  /**
   * Hand-computed (kpi-v2): 3.75 h sold, 3 h clocked (10800 s), 7.5 h attended, 1 comeback in 2 cars:
   * efficiency 3.75 / 3 = 125.0 %, productivity 3 / 7.5 = 40.0 %, comeback rate 1 / 2 = 50.0 %.
   */
  @Test
  void efficiencyProductivityAndComebackRateFollowTheirDefinitions() {
    ShopReport.Figures f = new ShopReport.Figures(7, d("442.76"), d("3.75"), d("184.77"), d("80.30"), 1,
        d("35.00"), d("-10.00"), 2, d("652.53"), d("0"));
    ShopReport.Floor floor = new ShopReport.Floor("Theo", d("10800").divide(d("3600")), d("7.5"), 1);
    assertThat(kpis(f, floor)).containsEntry("technician_hours_clocked", "3.00")
        .containsEntry("technician_hours_attended", "7.50").containsEntry("efficiency_percent", "125.0")
        .containsEntry("productivity_percent", "40.0").containsEntry("comebacks", "1")
        .containsEntry("comeback_rate_percent", "50.0");
    // a period with clocks but no sales: efficiency 0, no cars: the comeback rate is n/a
    assertThat(kpis(ShopReport.Figures.zero(), floor)).containsEntry("efficiency_percent", "0.0")
        .containsEntry("comeback_rate_percent", "n/a");
  }

  @Test
  void ratiosWithoutADenominatorAreNotApplicable() {
    Map<String, String> k = kpis(ShopReport.Figures.zero());
    assertThat(k).containsEntry("car_count", "0").containsEntry("sales", "0.00")
        .containsEntry("average_repair_order", "n/a").containsEntry("gross_profit_percent", "n/a")
        .containsEntry("effective_labor_rate", "n/a").containsEntry("reconciled", "true");
  }
}
