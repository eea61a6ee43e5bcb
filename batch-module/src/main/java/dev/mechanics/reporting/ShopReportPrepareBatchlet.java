package dev.mechanics.reporting;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Fixes what the run covers (organization, period, time zone, recipients) in {@code report_runs}. It runs once
 * per job instance: a restart skips the completed step, so a run restarted after midnight still reports the
 * period it started with.
 */
@Dependent
@Named("shopReportPrepare")
public class ShopReportPrepareBatchlet extends ExplainedBatchlet {

  private static final Logger LOG = Logger.getLogger(ShopReportPrepareBatchlet.class.getName());

  @Inject
  ReportStore store;

  @Override
  protected String run() {
    Map<String, String> parameters = parameters();
    UUID organizationId = organizationId();
    ZoneId zone = ZoneId.of(store.organizationZone(organizationId));
    ReportRequest request = ReportRequest.of(parameters, zone, Instant.now());
    store.createRun(job.getInstanceId(), organizationId, job.getJobName(), request);
    LOG.info(() -> "daily-shop-report run " + job.getInstanceId() + ": organization " + organizationId + ", "
        + request.period() + " " + request.label() + " in " + request.zone());
    return request.period() + " " + request.label();
  }
}
