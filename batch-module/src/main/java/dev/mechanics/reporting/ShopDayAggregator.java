package dev.mechanics.reporting;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds up one shop-day's billed lines in PostgreSQL, in one set-based query (ReportStore#aggregate): the job
 * moves a few rows per shop-day instead of every line item.
 */
@Dependent
@Named("shopReportDayAggregator")
public class ShopDayAggregator implements ItemProcessor {

  @Inject
  JobContext job;

  @Inject
  ReportStore store;

  /** Tests only (BATCH_FAULT_INJECTION=true): the first execution throws after this many shop-days. */
  @Inject
  @BatchProperty
  String failAfterItems;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  private ReportRun run;
  private long processed;

  @Override
  public Object processItem(Object item) {
    injectFault();
    processed++;
    if (run == null) {
      run = store.run(job.getInstanceId())
          .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    }
    return store.aggregate(run.organizationId(), (ShopDay) item);
  }

  private void injectFault() {
    if (!faultInjection || failAfterItems == null || failAfterItems.isBlank()
        || processed != Long.parseLong(failAfterItems.trim())) {
      return;
    }
    var operator = BatchRuntime.getJobOperator();
    if (operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).size() == 1) {
      throw new IllegalStateException("injected failure after " + processed + " shop-days (BATCH_FAULT_INJECTION)");
    }
  }
}
