package dev.mechanics.platform.batch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fires due schedules. Every instance polls; {@link Schedules#claimDue} hands each due fire time to one of
 * them. Runs on the web module's managed executor so that jobs start with the WAR as their module.
 *
 * <p>On start it records the default schedule of every platform job that declares one
 * ({@link JobDefinition#defaultSchedule}), in BATCH_TIME_ZONE.
 * With BATCH_SCHEDULER_ENABLED=false (Azure's staging slot, a slot setting) this instance fires nothing: a
 * release waiting for its swap never runs production's jobs.
 */
@ApplicationScoped
public class BatchScheduler {

  private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  Schedules schedules;

  @Inject
  JobLauncher launcher;

  @Inject
  @ConfigProperty(name = "BATCH_TIME_ZONE", defaultValue = "UTC")
  String timeZone;

  @Inject
  JobDefinitions jobs;

  @Inject
  @ConfigProperty(name = "BATCH_SCHEDULER_INTERVAL_SECONDS", defaultValue = "30")
  int intervalSeconds;

  @Inject
  @ConfigProperty(name = "BATCH_SCHEDULER_ENABLED", defaultValue = "true")
  boolean enabled;

  private final Clock clock = Clock.systemUTC();
  private ScheduledFuture<?> polling;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (JobDefinition job : jobs.all()) {
      job.defaultSchedule().ifPresent(cron -> schedules.ensurePlatformSchedule(job.name(), cron, timeZone,
          clock.instant()));
    }
    if (!enabled) {
      LOG.info("batch scheduler off (BATCH_SCHEDULER_ENABLED=false): this instance fires no schedules");
      return;
    }
    polling = executor.scheduleWithFixedDelay(this::fireDue, intervalSeconds, Math.max(1, intervalSeconds),
        TimeUnit.SECONDS);
    LOG.info(() -> "batch scheduler polling every " + intervalSeconds + " s");
  }

  void fireDue() {
    try {
      for (Schedule due : schedules.claimDue(clock.instant(), 20)) {
        try {
          launcher.fire(due);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "schedule " + due.id() + " (" + due.jobName() + ") could not start its job", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch scheduler poll failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
