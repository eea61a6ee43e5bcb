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
 * Passes a shop-day's sums on to the writer; its only other task is the tests' fault injection (a failure between
 * two checkpoints).
 */
@Dependent
@Named("shopReportDayProcessor")
public class ShopDayProcessor implements ItemProcessor {

  @Inject
  JobContext job;

  /** Tests only (BATCH_FAULT_INJECTION=true): the first execution throws after this many shop-days. */
  @Inject
  @BatchProperty
  String failAfterItems;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  private long processed;

  @Override
  public Object processItem(Object item) {
    injectFault();
    processed++;
    return item;
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
