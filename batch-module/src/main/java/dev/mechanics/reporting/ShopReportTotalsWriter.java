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
 * in the chunk's transaction, together with the checkpoint. A shop-day is added once: read again after a
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
  ReportStore store;

  private long counted;

  @Override
  public void writeItems(List<Object> items) {
    ShopDay last = null;
    for (Object o : items) {
      ShopDaySums sums = (ShopDaySums) o;
      last = sums.shopDay();
      if (store.add(job.getInstanceId(), sums)) {
        counted += sums.shop().lines;
      } else {
        LOG.info(() -> "daily-shop-report run " + job.getInstanceId() + ": shop-day " + sums.shopDay().key()
            + " was already counted; not added again");
      }
    }
    if (last != null) {
      step.setPersistentUserData("LINES " + counted + " (this execution), up to " + last.key());
    }
  }
}
