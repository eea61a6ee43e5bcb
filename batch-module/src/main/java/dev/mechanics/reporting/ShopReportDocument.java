package dev.mechanics.reporting;

import dev.mechanics.platform.documents.Chart;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.Messages;
import dev.mechanics.platform.documents.PdfRenderer;
import dev.mechanics.platform.documents.Templates;
import dev.mechanics.tenancy.Letterhead;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The report an owner reads (the PDF): each KPI of the organization and of every shop beside the previous period
 * and the same period a year earlier, with the change; sales and car count over the last 30 days (12 months for
 * a month report); shops compared on average repair order, effective labor rate and gross profit percent; the
 * generation time in the organization's time zone. Internal checks (reconciled) stay in the CSV; what is not
 * recorded is explained once, in the notes.
 */
final class ShopReportDocument {

  /** What the report compares against, per shop (absent shop: no sales then). */
  record Comparison(Map<UUID, ShopReport.Figures> previous, Map<UUID, ShopReport.Figures> yearAgo,
                    List<ReportFigures.TrendPoint> trend) {

    ShopReport.Figures previousOf(UUID shop) {
      return previous.getOrDefault(shop, ShopReport.Figures.zero());
    }

    ShopReport.Figures yearAgoOf(UUID shop) {
      return yearAgo.getOrDefault(shop, ShopReport.Figures.zero());
    }

    ShopReport.Figures previousTotal() {
      return previous.values().stream().reduce(ShopReport.Figures.zero(), ShopReport.Figures::plus);
    }

    ShopReport.Figures yearAgoTotal() {
      return yearAgo.values().stream().reduce(ShopReport.Figures.zero(), ShopReport.Figures::plus);
    }
  }

  private ShopReportDocument() {
  }

  static byte[] write(ShopReport report, Comparison comparison, Letterhead h) {
    Messages m = h.messages();
    Formats f = h.formats();
    ReportRun run = report.run();
    boolean month = !"DAY".equals(run.period());
    String period = month ? f.month(run.start()) : f.longDate(run.start());
    String title = m.get("report.title", period);
    List<ShopReportView.Section> sections = new ArrayList<>();
    sections.add(new ShopReportView.Section(m.get("report.organization", report.organizationName()),
        kpis(report.organization(), comparison.previousTotal(), comparison.yearAgoTotal(), f, m), List.of(),
        open(report.organizationOpenByStatus(), f)));
    for (ShopReport.Shop shop : report.shops()) {
      List<ShopReportView.Field> technicians = new ArrayList<>();
      technicians.add(new ShopReportView.Field(m.get("report.shopTime"), time(shop.figures().laborHours(),
          shop.floorTotal(), f, m)));
      java.util.Set<java.util.UUID> shown = new java.util.HashSet<>();
      for (ShopReport.Technician t : shop.technicians()) {
        shown.add(t.id());
        technicians.add(new ShopReportView.Field(t.id() == null ? m.get("report.noTechnician") : t.name(),
            t.id() == null ? m.get("report.hours", f.number(t.hoursSold()))
                : time(t.hoursSold(), shop.floor().get(t.id()), f, m)));
      }
      shop.floor().forEach((id, floor) -> {
        if (id != null && !shown.contains(id)) {
          technicians.add(new ShopReportView.Field(floor.name(), time(BigDecimal.ZERO, floor, f, m)));
        }
      });
      sections.add(new ShopReportView.Section(shop.name(), kpis(shop.figures(), comparison.previousOf(shop.id()),
          comparison.yearAgoOf(shop.id()), f, m), technicians, open(shop.openByStatus(), f)));
    }
    List<String> notes = new ArrayList<>();
    notes.add(m.get("report.note.comparison", month ? m.get("report.previousMonth") : m.get("report.previousDay")));
    notes.add(m.get("report.note.time"));
    long withoutCost = report.organization().partsWithoutCost();
    if (withoutCost > 0) {
      notes.add(m.get("report.note.withoutCost", withoutCost));
    }
    ShopReportView view = new ShopReportView(h.language(), title, report.organizationName(), h.block().logo(),
        h.accent(), h.pageFooter(m.get("report.short"), run.label()), period,
        f.inWords(report.generatedAt(), m), run.kpiVersion(), sections, notes, report.shops().size() > 1);
    String xhtml = Templates.render("pdf/shop-report.ftlh", Map.of("doc", view), m);
    return PdfRenderer.render(xhtml, charts(report, comparison, f, m, month), h.accent());
  }

  private static Map<String, Chart> charts(ShopReport report, Comparison comparison, Formats f, Messages m,
                                           boolean month) {
    List<String> labels = new ArrayList<>();
    List<BigDecimal> sales = new ArrayList<>();
    List<Long> cars = new ArrayList<>();
    for (ReportFigures.TrendPoint p : comparison.trend()) {
      labels.add(month ? f.month(p.start()) : shortDay(p.start(), f));
      sales.add(p.sales());
      cars.add(p.cars());
    }
    Chart trend = new Chart.Trend(m.get(month ? "report.chart.trend12" : "report.chart.trend30"), labels,
        m.get("report.kpi.sales") + " (" + f.currency().getSymbol(f.locale()) + ")", sales,
        m.get("report.kpi.car_count"), cars);
    List<String> shops = report.shops().stream().map(ShopReport.Shop::name).toList();
    return Map.of("trend", trend,
        "aro", bars(m.get("report.kpi.average_repair_order"), shops, report, ShopReport.Figures::averageRepairOrder),
        "elr", bars(m.get("report.kpi.effective_labor_rate"), shops, report, ShopReport.Figures::effectiveLaborRate),
        "gp", bars(m.get("report.kpi.gross_profit_percent"), shops, report, ShopReport.Figures::grossProfitPercent));
  }

  private static Chart bars(String title, List<String> shops, ShopReport report,
                            Function<ShopReport.Figures, BigDecimal> kpi) {
    return new Chart.Bars(title, shops, title, report.shops().stream().map(s -> kpi.apply(s.figures())).toList());
  }

  /** Sold, clocked and attended hours, efficiency, productivity and comebacks (kpi-v2), in one line. */
  private static String time(BigDecimal sold, ShopReport.Floor floor, Formats f, Messages m) {
    ShopReport.Floor t = floor == null ? ShopReport.Floor.zero(null) : floor;
    BigDecimal efficiency = ShopReport.percent(sold, t.clocked());
    BigDecimal productivity = ShopReport.percent(t.clocked(), t.attended());
    return m.get("report.technicianTime", f.number(sold), f.number(ShopReport.hours(t.clocked())),
        f.number(ShopReport.hours(t.attended())), efficiency == null ? "n/a" : f.number(efficiency) + " %",
        productivity == null ? "n/a" : f.number(productivity) + " %", f.number(t.comebacks()));
  }

  private static String shortDay(LocalDate day, Formats f) {
    return f.locale().getLanguage().equals("en") ? day.getMonthValue() + "/" + day.getDayOfMonth()
        : day.getDayOfMonth() + "/" + day.getMonthValue();
  }

  private static List<ShopReportView.Field> open(Map<String, Long> byStatus, Formats f) {
    return byStatus.entrySet().stream().map(e -> new ShopReportView.Field(e.getKey(), f.number(e.getValue())))
        .toList();
  }

  /** The KPIs an owner reads, in report order, each beside the two comparisons. */
  private static List<ShopReportView.KpiRow> kpis(ShopReport.Figures now, ShopReport.Figures previous,
                                                  ShopReport.Figures yearAgo, Formats f, Messages m) {
    List<ShopReportView.KpiRow> rows = new ArrayList<>();
    rows.add(count("car_count", now.carCount(), previous.carCount(), yearAgo.carCount(), f, m));
    rows.add(money("sales", now.sales(), previous.sales(), yearAgo.sales(), f, m));
    rows.add(money("average_repair_order", now.averageRepairOrder(), previous.averageRepairOrder(),
        yearAgo.averageRepairOrder(), f, m));
    rows.add(money("labor_sales", now.laborSales(), previous.laborSales(), yearAgo.laborSales(), f, m));
    rows.add(money("parts_sales", now.partsSales(), previous.partsSales(), yearAgo.partsSales(), f, m));
    rows.add(money("fee_sales", now.feeSales(), previous.feeSales(), yearAgo.feeSales(), f, m));
    rows.add(money("discounts", now.discounts(), previous.discounts(), yearAgo.discounts(), f, m));
    rows.add(money("parts_cost", now.partsCost(), previous.partsCost(), yearAgo.partsCost(), f, m));
    rows.add(money("gross_profit", now.grossProfit(), previous.grossProfit(), yearAgo.grossProfit(), f, m));
    rows.add(percent(now.grossProfitPercent(), previous.grossProfitPercent(), yearAgo.grossProfitPercent(), f, m));
    rows.add(hours(now.laborHours(), previous.laborHours(), yearAgo.laborHours(), f, m));
    rows.add(money("effective_labor_rate", now.effectiveLaborRate(), previous.effectiveLaborRate(),
        yearAgo.effectiveLaborRate(), f, m));
    return rows;
  }

  private static ShopReportView.KpiRow money(String kpi, BigDecimal now, BigDecimal previous, BigDecimal yearAgo,
                                             Formats f, Messages m) {
    return new ShopReportView.KpiRow(m.get("report.kpi." + kpi), moneyOrNa(now, f, m), moneyOrNa(previous, f, m),
        change(now, previous, f, m), moneyOrNa(yearAgo, f, m), change(now, yearAgo, f, m));
  }

  private static ShopReportView.KpiRow count(String kpi, long now, long previous, long yearAgo, Formats f,
                                             Messages m) {
    return new ShopReportView.KpiRow(m.get("report.kpi." + kpi), f.number(now), f.number(previous),
        change(BigDecimal.valueOf(now), BigDecimal.valueOf(previous), f, m), f.number(yearAgo),
        change(BigDecimal.valueOf(now), BigDecimal.valueOf(yearAgo), f, m));
  }

  private static ShopReportView.KpiRow hours(BigDecimal now, BigDecimal previous, BigDecimal yearAgo, Formats f,
                                             Messages m) {
    return new ShopReportView.KpiRow(m.get("report.kpi.labor_hours_sold"), f.number(now), f.number(previous),
        change(now, previous, f, m), f.number(yearAgo), change(now, yearAgo, f, m));
  }

  /** A percentage KPI changes by points, not by a percentage of itself. */
  private static ShopReportView.KpiRow percent(BigDecimal now, BigDecimal previous, BigDecimal yearAgo, Formats f,
                                               Messages m) {
    return new ShopReportView.KpiRow(m.get("report.kpi.gross_profit_percent"), pct(now, f, m), pct(previous, f, m),
        points(now, previous, f, m), pct(yearAgo, f, m), points(now, yearAgo, f, m));
  }

  private static String moneyOrNa(BigDecimal value, Formats f, Messages m) {
    return value == null ? m.get("report.na") : f.money(value);
  }

  private static String pct(BigDecimal value, Formats f, Messages m) {
    return value == null ? m.get("report.na") : f.number(value) + " %";
  }

  /** "+12.5 %", "-3.0 %", or n/a when there is nothing to compare with. */
  static String change(BigDecimal now, BigDecimal before, Formats f, Messages m) {
    if (now == null || before == null || before.signum() == 0) {
      return m.get("report.na");
    }
    BigDecimal change = now.subtract(before).multiply(BigDecimal.valueOf(100))
        .divide(before.abs(), 1, RoundingMode.HALF_EVEN);
    return (change.signum() > 0 ? "+" : "") + f.number(change.setScale(1, RoundingMode.UNNECESSARY)) + " %";
  }

  private static String points(BigDecimal now, BigDecimal before, Formats f, Messages m) {
    if (now == null || before == null) {
      return m.get("report.na");
    }
    BigDecimal change = now.subtract(before);
    return (change.signum() > 0 ? "+" : "") + f.number(change) + " " + m.get("report.points");
  }
}
