package dev.mechanics.platform.documents;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.w3c.dom.Element;

/**
 * Draws the {@link Chart}s of one document into the PDF through openhtmltopdf's Graphics2D (PDFBox graphics2d):
 * vectors and text in the embedded document font, so charts stay sharp and the PDF stays PDF/A.
 */
final class ChartDrawer implements FSObjectDrawer {

  private final Map<String, Chart> charts;
  private final Color accent;

  ChartDrawer(Map<String, Chart> charts, Color accent) {
    this.charts = charts;
    this.accent = accent;
  }

  @Override
  public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                       OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
    Chart chart = charts.get(e.getAttribute("data-chart"));
    if (chart == null) {
      return null;
    }
    JFreeChart drawn = chart(chart);
    double w = width / dotsPerPixel;
    double h = height / dotsPerPixel;
    device.drawWithGraphics((float) x, (float) y, (float) w, (float) h,
        g -> drawn.draw(g, new Rectangle2D.Double(0, 0, w, h)));
    return null;
  }

  JFreeChart chart(Chart chart) {
    return chart instanceof Chart.Trend t ? trend(t) : bars((Chart.Bars) chart);
  }

  private JFreeChart trend(Chart.Trend t) {
    DefaultCategoryDataset amounts = new DefaultCategoryDataset();
    DefaultCategoryDataset counts = new DefaultCategoryDataset();
    for (int i = 0; i < t.labels().size(); i++) {
      amounts.addValue(t.amounts().get(i), t.amountName(), t.labels().get(i));
      counts.addValue(t.counts().get(i), t.countName(), t.labels().get(i));
    }
    CategoryAxis days = new CategoryAxis();
    days.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    NumberAxis money = new NumberAxis(t.amountName());
    CategoryPlot plot = new CategoryPlot(amounts, days, money, bars());
    NumberAxis cars = new NumberAxis(t.countName());
    cars.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.setRangeAxis(1, cars);
    plot.setDataset(1, counts);
    plot.mapDatasetToRangeAxis(1, 1);
    LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
    plot.setRenderer(1, line);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    JFreeChart drawn = styled(new JFreeChart(t.title(), DocumentFonts.chart(true, 11), plot, true));
    plot.getRenderer(0).setSeriesPaint(0, accent);
    line.setSeriesPaint(0, new Color(0x33, 0x33, 0x33));
    line.setSeriesStroke(0, new BasicStroke(1.5f));
    return drawn;
  }

  private JFreeChart bars(Chart.Bars b) {
    DefaultCategoryDataset values = new DefaultCategoryDataset();
    for (int i = 0; i < b.categories().size(); i++) {
      BigDecimal value = b.values().get(i);
      values.addValue(value, b.valueName(), b.categories().get(i));
    }
    CategoryAxis shops = new CategoryAxis();
    shops.setMaximumCategoryLabelLines(2);
    CategoryPlot plot = new CategoryPlot(values, shops, new NumberAxis(), bars());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart drawn = styled(new JFreeChart(b.title(), DocumentFonts.chart(true, 11), plot, false));
    plot.getRenderer().setSeriesPaint(0, accent);
    return drawn;
  }

  private BarRenderer bars() {
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.08);
    return renderer;
  }

  private static JFreeChart styled(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("document");
    theme.setExtraLargeFont(DocumentFonts.chart(true, 11));
    theme.setLargeFont(DocumentFonts.chart(true, 9));
    theme.setRegularFont(DocumentFonts.chart(false, 8));
    theme.setSmallFont(DocumentFonts.chart(false, 7));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.apply(chart);
    TextTitle title = chart.getTitle();
    title.setFont(DocumentFonts.chart(true, 11));
    chart.setAntiAlias(true);
    return chart;
  }
}
