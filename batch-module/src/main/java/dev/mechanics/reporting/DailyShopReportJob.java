package dev.mechanics.reporting;

import dev.mechanics.platform.batch.NamedJob;
import dev.mechanics.platform.batch.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Organization job {@code daily-shop-report} (daily-shop-report.xml): an organization's KPIs for a day or a
 * month (docs/kpis.md). Parameters, checked before a run or a schedule exists ({@link ReportRequest}):
 * {@code period} (day | month), {@code date} (YYYY-MM-DD) or {@code month} (YYYY-MM), {@code timeZone},
 * {@code recipients}; {@code chunkSize} is the shop-days per checkpoint of the aggregate step (31); {@code failAfterItems}
 * only with BATCH_FAULT_INJECTION=true (tests). A scheduled report cuts its days in the schedule's time zone
 * unless its parameters name another.
 */
@ApplicationScoped
public class DailyShopReportJob extends NamedJob {

  public DailyShopReportJob() {
    super("daily-shop-report", Scope.ORGANIZATION);
  }

  @Override
  public void check(Map<String, String> parameters) {
    ReportRequest.check(parameters == null ? Map.of() : parameters);
  }

  @Override
  public void scheduled(Schedule schedule, Map<String, String> parameters) {
    parameters.putIfAbsent(ReportRequest.TIME_ZONE, schedule.timeZone());
  }
}
