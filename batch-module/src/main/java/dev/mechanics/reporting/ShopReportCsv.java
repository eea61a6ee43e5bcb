package dev.mechanics.reporting;

import dev.mechanics.platform.SpreadsheetSafeCsv;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The report as CSV, one figure per row (long format, so new KPIs add rows, not columns): kpi_version and the
 * period on every row, then scope (ORGANIZATION, SHOP, TECHNICIAN, OPEN_WORK_ORDERS), shop, metric, dimension
 * (technician or board status) and value. Amounts are plain decimals in the organization's currency. Written
 * through {@link SpreadsheetSafeCsv}: a shop or technician named {@code =HYPERLINK(...)} stays text.
 */
final class ShopReportCsv {

  static final String[] HEADER = {"kpi_version", "organization_id", "period", "period_start", "period_end",
      "time_zone", "scope", "shop_id", "shop_name", "metric", "dimension", "value"};

  private ShopReportCsv() {
  }

  static byte[] write(ShopReport report) throws IOException {
    try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(HEADER)) {
      Row row = new Row(csv, report.run());
      for (String[] kpi : ShopReport.kpis(report.organization(), report.organizationFloor())) {
        row.print("ORGANIZATION", null, null, kpi[0], "", kpi[1]);
      }
      for (Map.Entry<String, Long> open : report.organizationOpenByStatus().entrySet()) {
        row.print("OPEN_WORK_ORDERS", null, null, "open_work_orders", open.getKey(), open.getValue().toString());
      }
      for (ShopReport.Shop shop : report.shops()) {
        for (String[] kpi : ShopReport.kpis(shop.figures(), shop.floorTotal())) {
          row.print("SHOP", shop.id().toString(), shop.name(), kpi[0], "", kpi[1]);
        }
        java.util.Set<UUID> printed = new java.util.HashSet<>();
        for (ShopReport.Technician t : shop.technicians()) {
          String who = t.id() == null ? t.name() : t.name() + " (" + t.id() + ")";
          row.print("TECHNICIAN", shop.id().toString(), shop.name(), "technician_hours_sold", who,
              ShopReport.text(t.hoursSold()));
          if (t.id() != null) {
            printed.add(t.id());
            technicianTime(row, shop, who, t.hoursSold(), shop.floor().get(t.id()));
          }
        }
        for (Map.Entry<UUID, ShopReport.Floor> e : shop.floor().entrySet()) {
          if (e.getKey() != null && !printed.contains(e.getKey())) {
            String who = e.getValue().name() + " (" + e.getKey() + ")";
            row.print("TECHNICIAN", shop.id().toString(), shop.name(), "technician_hours_sold", who, "0.00");
            technicianTime(row, shop, who, BigDecimal.ZERO, e.getValue());
          }
        }
        for (Map.Entry<String, Long> open : shop.openByStatus().entrySet()) {
          row.print("OPEN_WORK_ORDERS", shop.id().toString(), shop.name(), "open_work_orders", open.getKey(),
              open.getValue().toString());
        }
      }
      return csv.toBytes();
    }
  }

  /** A technician's clocked and attended hours, ratios and comebacks (kpi-v2). */
  private static void technicianTime(Row row, ShopReport.Shop shop, String who, BigDecimal sold,
                                     ShopReport.Floor floor) throws IOException {
    ShopReport.Floor f = floor == null ? ShopReport.Floor.zero(who) : floor;
    String id = shop.id().toString();
    row.print("TECHNICIAN", id, shop.name(), "technician_hours_clocked", who,
        ShopReport.text(ShopReport.hours(f.clocked())));
    row.print("TECHNICIAN", id, shop.name(), "technician_hours_attended", who,
        ShopReport.text(ShopReport.hours(f.attended())));
    row.print("TECHNICIAN", id, shop.name(), "technician_efficiency_percent", who,
        ShopReport.text(ShopReport.percent(sold, f.clocked())));
    row.print("TECHNICIAN", id, shop.name(), "technician_productivity_percent", who,
        ShopReport.text(ShopReport.percent(f.clocked(), f.attended())));
    row.print("TECHNICIAN", id, shop.name(), "technician_comebacks", who, Long.toString(f.comebacks()));
  }

  private record Row(SpreadsheetSafeCsv csv, ReportRun run) {
    void print(String scope, String shopId, String shopName, String metric, String dimension, String value)
        throws IOException {
      csv.row(run.kpiVersion(), run.organizationId(), run.period(), run.start(), run.endExclusive(),
          run.timeZone(), scope, shopId == null ? "" : shopId, shopName == null ? "" : shopName, metric, dimension,
          value);
    }
  }

}
