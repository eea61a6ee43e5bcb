package dev.mechanics.reporting;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * The items of the aggregate step: the period's sums per shop and local day, added up by PostgreSQL in one
 * set-based query when the step opens (a few rows per shop-day, whatever the number of line items). The
 * checkpoint is the last shop-day read; a restart asks only from that day on and skips what it had read
 * (ReportStore#add counts a shop-day once anyway).
 */
@Dependent
@Named("shopReportDayReader")
public class ShopDayReader extends AbstractItemReader {

  @Inject
  JobContext job;

  @Inject
  ReportStore store;

  private Iterator<ShopDaySums> items;
  private ShopDay last;

  @Override
  public void open(Serializable checkpoint) {
    ReportRun run = store.run(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    last = checkpoint == null ? null : ShopDay.of(checkpoint.toString());
    List<ShopDaySums> all = store.shopDays(run, last == null ? run.start() : last.day());
    if (last != null) {
      ShopDay done = last;
      all = all.stream().filter(s -> s.shopDay().day().isAfter(done.day())
          || s.shopDay().shopId().toString().compareTo(done.shopId().toString()) > 0
          && s.shopDay().day().equals(done.day())).toList();
    }
    items = all.iterator();
  }

  @Override
  public Object readItem() {
    if (!items.hasNext()) {
      return null;
    }
    ShopDaySums next = items.next();
    last = next.shopDay();
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return last == null ? null : last.key();
  }
}
