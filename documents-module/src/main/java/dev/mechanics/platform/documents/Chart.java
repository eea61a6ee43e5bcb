package dev.mechanics.platform.documents;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart a PDF template places with {@code <object type="chart" data-chart="<id>" style="width:..;height:..">},
 * drawn by JFreeChart as vector graphics into the page ({@link ChartDrawer}).
 */
public sealed interface Chart permits Chart.Trend, Chart.Bars {

  /** Amounts as bars over time ({@code labels}: days or months) and a count as a line on its own axis. */
  record Trend(String title, List<String> labels, String amountName, List<BigDecimal> amounts, String countName,
               List<Long> counts) implements Chart {
  }

  /** One bar per category (shops), for one figure; a missing value (null) draws no bar. */
  record Bars(String title, List<String> categories, String valueName, List<BigDecimal> values)
      implements Chart {
  }
}
