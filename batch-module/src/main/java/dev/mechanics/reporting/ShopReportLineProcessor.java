package dev.mechanics.reporting;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.RoundingMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prices a line's cost as the invoice's totals do: a part's unit cost x quantity, rounded half-even once. */
@Dependent
@Named("shopReportLineProcessor")
public class ShopReportLineProcessor implements ItemProcessor {

  @Inject
  JobContext job;

  /** Tests only (BATCH_FAULT_INJECTION=true): the first execution throws after this many items. */
  @Inject
  @BatchProperty
  String failAfterItems;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  private long processed;

  @Override
  public Object processItem(Object item) {
    ReportLine line = (ReportLine) item;
    injectFault();
    processed++;
    if ("PART".equals(line.type()) && line.unitCost() != null) {
      return line.withCost(line.unitCost().multiply(line.quantity()).setScale(2, RoundingMode.HALF_EVEN));
    }
    return line;
  }

  private void injectFault() {
    if (!faultInjection || failAfterItems == null || failAfterItems.isBlank()
        || processed != Long.parseLong(failAfterItems.trim())) {
      return;
    }
    var operator = BatchRuntime.getJobOperator();
    if (operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).size() == 1) {
      throw new IllegalStateException("injected failure after " + processed + " items (BATCH_FAULT_INJECTION)");
    }
  }
}
