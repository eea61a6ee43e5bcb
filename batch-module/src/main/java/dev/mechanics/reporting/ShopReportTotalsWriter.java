package dev.mechanics.reporting;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Adds a chunk's line items to the run's sums in {@code report_shop_totals} and {@code report_technician_hours},
 * in the chunk's transaction. The sums remember the last line id they contain: a chunk read again after a
 * restart (ids at or below it) is not added twice.
 */
@Dependent
@Named("shopReportTotalsWriter")
public class ShopReportTotalsWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(ShopReportTotalsWriter.class.getName());

  @Inject
  JobContext job;

  @Inject
  StepContext step;

  @Inject
  ReportStore store;

  private long counted;

  @Override
  public void writeItems(List<Object> items) {
    if (items.isEmpty()) {
      return;
    }
    Map<UUID, ReportStore.ShopSums> shops = new HashMap<>();
    Map<ReportStore.TechnicianKey, ReportStore.TechnicianSums> technicians = new HashMap<>();
    for (Object o : items) {
      ReportLine line = (ReportLine) o;
      ReportStore.ShopSums s = shops.computeIfAbsent(line.shopId(), id -> new ReportStore.ShopSums());
      s.lines++;
      switch (line.type()) {
        case "LABOR" -> {
          s.laborSales = s.laborSales.add(line.amount());
          if (line.hours() != null) {
            s.laborHours = s.laborHours.add(line.hours());
          }
          ReportStore.TechnicianSums t = technicians.computeIfAbsent(new ReportStore.TechnicianKey(line.shopId(),
              line.technicianId() == null ? ReportStore.UNASSIGNED : line.technicianId()),
              k -> new ReportStore.TechnicianSums());
          t.hours = line.hours() == null ? t.hours : t.hours.add(line.hours());
          t.laborSales = t.laborSales.add(line.amount());
        }
        case "PART" -> {
          s.partsSales = s.partsSales.add(line.amount());
          if (line.cost() != null) {
            s.partsCost = s.partsCost.add(line.cost());
          } else {
            s.partsWithoutCost++;
          }
        }
        case "FEE" -> s.feeSales = s.feeSales.add(line.amount());
        case "DISCOUNT" -> s.discounts = s.discounts.add(line.amount());
        default -> throw new IllegalStateException("unknown line type " + line.type());
      }
    }
    ReportLine first = (ReportLine) items.get(0);
    ReportLine last = (ReportLine) items.get(items.size() - 1);
    if (store.add(job.getInstanceId(), first.id(), last.id(), items.size(), shops, technicians)) {
      counted += items.size();
    } else {
      LOG.info(() -> "daily-shop-report run " + job.getInstanceId() + ": lines " + first.id() + ".." + last.id()
          + " were already counted; not added again");
    }
    step.setPersistentUserData("LINES " + counted + " (this execution), up to " + last.id());
  }
}
