package dev.mechanics.platform.batch.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Every job's duration and outcome on /metrics: {@code batch_job_runs_total}, {@code batch_job_duration}. */
@ApplicationScoped
public class JobMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  /** Called by {@link JobOutcomeListener} when a job ends. */
  public void jobEnded(String job, String outcome, Duration duration) {
    registry.counter("batch_job_runs_total", new Tag("job", job), new Tag("outcome", outcome)).inc();
    registry.timer("batch_job_duration", new Tag("job", job), new Tag("outcome", outcome)).update(duration);
  }
}
