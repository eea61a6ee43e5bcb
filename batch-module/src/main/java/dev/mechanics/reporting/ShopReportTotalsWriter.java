package dev.mechanics.reporting;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * Adds a chunk's shop-days to the run's sums in {@code report_shop_totals} and {@code report_technician_hours},
 * in the chunk's transaction, together with the checkpoint, in a few statements per chunk (not per shop-day). A shop-day is added once: read again after a
 * restart, it is found in {@code report_run_days} and skipped.
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
  ShopDayTotals totals;

  private long counted;

  @Override
  public void writeItems(List<Object> items) {
    List<ShopDaySums> chunk = items.stream().map(ShopDaySums.class::cast).toList();
    List<ShopDaySums> added = totals.add(job.getInstanceId(), chunk);
    added.forEach(s -> counted += s.shop().lines);
    if (added.size() < chunk.size()) {
      LOG.info(() -> "daily-shop-report run " + job.getInstanceId() + ": " + (chunk.size() - added.size())
          + " shop-day(s) of the chunk were already counted; not added again");
    }
    if (!chunk.isEmpty()) {
      step.setPersistentUserData("LINES " + counted + " (this execution), up to "
          + chunk.get(chunk.size() - 1).shopDay().key());
    }
  }
}
