package dev.mechanics.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The report's figures and the KPIs computed from them, exactly as docs/kpis.md ({@link Kpis#VERSION}) defines
 * them. Small: one entry per shop, technician and board status, whatever the number of line items.
 */
record ShopReport(ReportRun run, String organizationName, Instant generatedAt, List<Shop> shops) {

  static final String NOT_APPLICABLE = "n/a";

  /** Sums over the period: from the line items (chunk step) and from the invoices (car count, subtotals). */
  record Figures(long lines, BigDecimal laborSales, BigDecimal laborHours, BigDecimal partsSales,
                 BigDecimal partsCost, long partsWithoutCost, BigDecimal feeSales, BigDecimal discounts,
                 long carCount, BigDecimal invoiceSubtotal, BigDecimal invoiceTax) {

    Figures plus(Figures o) {
      return new Figures(lines + o.lines, laborSales.add(o.laborSales), laborHours.add(o.laborHours),
          partsSales.add(o.partsSales), partsCost.add(o.partsCost), partsWithoutCost + o.partsWithoutCost,
          feeSales.add(o.feeSales), discounts.add(o.discounts), carCount + o.carCount,
          invoiceSubtotal.add(o.invoiceSubtotal), invoiceTax.add(o.invoiceTax));
    }

    static Figures zero() {
      return new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
          BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Sales before tax: labor + parts + fees + discounts (discounts are negative). */
    BigDecimal sales() {
      return money(laborSales.add(partsSales).add(feeSales).add(discounts));
    }

    BigDecimal grossProfit() {
      return money(sales().subtract(partsCost));
    }

    /** Percent with one decimal; null when there were no sales. */
    BigDecimal grossProfitPercent() {
      return sales().signum() == 0 ? null
          : grossProfit().multiply(BigDecimal.valueOf(100)).divide(sales(), 1, RoundingMode.HALF_EVEN);
    }

    BigDecimal averageRepairOrder() {
      return carCount == 0 ? null : sales().divide(BigDecimal.valueOf(carCount), 2, RoundingMode.HALF_EVEN);
    }

    BigDecimal effectiveLaborRate() {
      return laborHours.signum() == 0 ? null : laborSales.divide(laborHours, 2, RoundingMode.HALF_EVEN);
    }

    /** The line items add up to the invoices' subtotals (they are frozen once invoiced). */
    boolean reconciled() {
      return sales().compareTo(invoiceSubtotal) == 0;
    }
  }

  record Technician(UUID id, String name, BigDecimal hoursSold, BigDecimal laborSales) {
  }

  /**
   * Time clocks and comebacks of a technician (or summed for a shop): hours clocked on jobs and attended in the
   * period (entries clipped to it), and comebacks marked in the period whose original work was theirs.
   */
  record Floor(String name, BigDecimal clocked, BigDecimal attended, long comebacks) {

    static Floor zero(String name) {
      return new Floor(name, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    Floor plus(Floor o) {
      return new Floor(name, clocked.add(o.clocked), attended.add(o.attended), comebacks + o.comebacks);
    }
  }

  /** {@code floor}: by technician id ({@code null}: comebacks without an original technician). */
  record Shop(UUID id, String name, Figures figures, List<Technician> technicians, Map<String, Long> openByStatus,
              Map<UUID, Floor> floor) {

    Shop withInvoices(long carCount, BigDecimal subtotal, BigDecimal tax) {
      Figures f = figures;
      return new Shop(id, name, new Figures(f.lines(), f.laborSales(), f.laborHours(), f.partsSales(),
          f.partsCost(), f.partsWithoutCost(), f.feeSales(), f.discounts(), carCount, subtotal, tax), technicians,
          openByStatus, floor);
    }

    Floor floorTotal() {
      return floor.values().stream().reduce(Floor.zero(null), Floor::plus);
    }

    long openTotal() {
      return openByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  Figures organization() {
    Figures total = Figures.zero();
    for (Shop s : shops) {
      total = total.plus(s.figures());
    }
    return total;
  }

  Floor organizationFloor() {
    return shops.stream().map(Shop::floorTotal).reduce(Floor.zero(null), Floor::plus);
  }

  Map<String, Long> organizationOpenByStatus() {
    Map<String, Long> open = new TreeMap<>();
    shops.forEach(s -> s.openByStatus().forEach((k, v) -> open.merge(k, v, Long::sum)));
    return open;
  }

  /** The KPI rows of one scope, in report order: name, value. */
  static List<String[]> kpis(Figures f, Floor floor) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("car_count", Long.toString(f.carCount())));
    rows.add(row("sales", text(f.sales())));
    rows.add(row("average_repair_order", text(f.averageRepairOrder())));
    rows.add(row("labor_sales", text(money(f.laborSales()))));
    rows.add(row("parts_sales", text(money(f.partsSales()))));
    rows.add(row("fee_sales", text(money(f.feeSales()))));
    rows.add(row("discounts", text(money(f.discounts()))));
    rows.add(row("parts_cost", text(money(f.partsCost()))));
    rows.add(row("parts_lines_without_cost", Long.toString(f.partsWithoutCost())));
    rows.add(row("gross_profit", text(f.grossProfit())));
    rows.add(row("gross_profit_percent", text(f.grossProfitPercent())));
    rows.add(row("labor_hours_sold", text(f.laborHours().setScale(2, RoundingMode.UNNECESSARY))));
    rows.add(row("effective_labor_rate", text(f.effectiveLaborRate())));
    rows.add(row("technician_hours_clocked", text(hours(floor.clocked()))));
    rows.add(row("technician_hours_attended", text(hours(floor.attended()))));
    rows.add(row("efficiency_percent", text(percent(f.laborHours(), floor.clocked()))));
    rows.add(row("productivity_percent", text(percent(floor.clocked(), floor.attended()))));
    rows.add(row("comebacks", Long.toString(floor.comebacks())));
    rows.add(row("comeback_rate_percent", text(percent(BigDecimal.valueOf(floor.comebacks()),
        BigDecimal.valueOf(f.carCount())))));
    rows.add(row("line_items", Long.toString(f.lines())));
    rows.add(row("invoice_subtotal", text(money(f.invoiceSubtotal()))));
    rows.add(row("reconciled", Boolean.toString(f.reconciled())));
    return rows;
  }

  private static String[] row(String name, String value) {
    return new String[] {name, value};
  }

  static String text(BigDecimal value) {
    return value == null ? NOT_APPLICABLE : value.toPlainString();
  }

  static BigDecimal hours(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Percent with one decimal, half-even; null (n/a) when the denominator is zero. */
  static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? null
        : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_EVEN);
  }

  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }
}
