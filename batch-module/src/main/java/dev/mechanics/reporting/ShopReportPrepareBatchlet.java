package dev.mechanics.reporting;

import dev.mechanics.platform.batch.JobLauncher;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Fixes what the run covers (organization, period, time zone, recipients) in {@code report_runs}. It runs once
 * per job instance: a restart skips the completed step, so a run restarted after midnight still reports the
 * period it started with.
 */
@Dependent
@Named("shopReportPrepare")
public class ShopReportPrepareBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(ShopReportPrepareBatchlet.class.getName());

  @Inject
  JobContext job;

  @Inject
  ReportStore store;

  @Override
  public String process() {
    Properties props = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
    Map<String, String> parameters = new HashMap<>();
    props.stringPropertyNames().forEach(name -> parameters.put(name, props.getProperty(name)));
    String organization = parameters.get(JobLauncher.ORGANIZATION_PARAMETER);
    if (organization == null || organization.isBlank()) {
      throw new IllegalArgumentException("daily-shop-report needs the organizationId parameter");
    }
    UUID organizationId = UUID.fromString(organization);
    ZoneId zone = ZoneId.of(store.organizationZone(organizationId));
    ReportRequest request = ReportRequest.of(parameters, zone, Instant.now());
    store.createRun(job.getInstanceId(), organizationId, job.getJobName(), request);
    LOG.info(() -> "daily-shop-report run " + job.getInstanceId() + ": organization " + organizationId + ", "
        + request.period() + " " + request.label() + " in " + request.zone());
    return request.period() + " " + request.label();
  }
}
