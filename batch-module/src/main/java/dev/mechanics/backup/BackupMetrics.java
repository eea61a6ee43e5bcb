package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Backup metrics on /metrics: the age and size of the newest verified database backup
 * ({@code backup_last_success_age_seconds} is what the Azure alert watches; -1 when there is none yet). Every
 * job's own duration and outcome are counted by the batch platform's JobMetrics.
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
}
