package dev.mechanics.reporting;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The items of the aggregate step: every shop of the organization for every local day of the period, in shop id
 * then day order (a month of 50 shops is 1,550 small items, whatever the number of line items). The checkpoint
 * is the last shop-day read; a restart goes on after it (ReportStore#add counts a shop-day only once anyway).
 */
@Dependent
@Named("shopReportDayReader")
public class ShopDayReader extends AbstractItemReader {

  @Inject
  JobContext job;

  @Inject
  ReportStore store;

  private List<ShopDay> shopDays;
  private int next;

  @Override
  public void open(Serializable checkpoint) {
    ReportRun run = store.run(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    ZoneId zone = ZoneId.of(run.timeZone());
    shopDays = new ArrayList<>();
    for (UUID shop : store.shopIds(run.organizationId())) {
      for (LocalDate day = run.start(); day.isBefore(run.endExclusive()); day = day.plusDays(1)) {
        shopDays.add(new ShopDay(shop, day, day.atStartOfDay(zone).toInstant(),
            day.plusDays(1).atStartOfDay(zone).toInstant()));
      }
    }
    next = 0;
    if (checkpoint != null) {
      for (int i = 0; i < shopDays.size(); i++) {
        if (shopDays.get(i).key().equals(checkpoint.toString())) {
          next = i + 1;
        }
      }
    }
  }

  @Override
  public Object readItem() {
    return next < shopDays.size() ? shopDays.get(next++) : null;
  }

  @Override
  public Serializable checkpointInfo() {
    return next == 0 ? null : shopDays.get(next - 1).key();
  }
}
