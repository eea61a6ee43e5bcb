package dev.mechanics.platform.batch.job;

import dev.mechanics.platform.batch.ExecutionHeartbeats;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;

/**
 * Times every job and counts its outcome (batch_job_duration, batch_job_runs_total), and keeps the heartbeat
 * of the run while it runs ({@link ExecutionHeartbeats}: a run whose instance died is seen stuck). Every job XML
 * names it:
 * {@code <listeners><listener ref="jobOutcomeListener"/></listeners>}.
 */
@Dependent
@Named("jobOutcomeListener")
public class JobOutcomeListener implements JobListener {

  @Inject
  JobContext job;

  @Inject
  JobMetrics metrics;

  @Inject
  ExecutionHeartbeats heartbeats;

  private long started;

  @Override
  public void beforeJob() {
    started = System.nanoTime();
    heartbeats.started(job.getExecutionId());
  }

  @Override
  public void afterJob() {
    heartbeats.ended(job.getExecutionId());
    metrics.jobEnded(job.getJobName(), outcome(job.getBatchStatus()), Duration.ofNanos(System.nanoTime() - started));
  }

  /** afterJob runs before the runtime marks a successful job COMPLETED: it still reads STARTED then. */
  static String outcome(BatchStatus status) {
    if (status == null) {
      return "UNKNOWN";
    }
    return switch (status) {
      case STARTING, STARTED, COMPLETED -> "COMPLETED";
      case STOPPING, STOPPED -> "STOPPED";
      default -> status.name();
    };
  }
}
