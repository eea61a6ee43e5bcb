package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Batch metrics on /metrics: job durations and outcomes per job, and the age and size of the newest verified
 * database backup ({@code backup_last_success_age_seconds} is what the Azure alert watches; -1 when there is
 * none yet).
 */
@ApplicationScoped
public class BackupMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject
  BackupCatalogue catalogue;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge("backup_last_success_age_seconds", catalogue,
        c -> c.lastGood().map(e -> (double) Duration.between(e.finishedAt(), Instant.now()).toSeconds())
            .orElse(-1.0));
    registry.gauge("backup_last_success_size_bytes", catalogue,
        c -> c.lastGood().map(e -> (double) e.sizeBytes()).orElse(-1.0));
  }

  /** Called by every job when it ends. */
  public void jobEnded(String job, String outcome, Duration duration) {
    registry.counter("batch_job_runs_total", new Tag("job", job), new Tag("outcome", outcome)).inc();
    registry.timer("batch_job_duration", new Tag("job", job), new Tag("outcome", outcome)).update(duration);
  }
}
