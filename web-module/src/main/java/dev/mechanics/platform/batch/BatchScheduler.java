package dev.mechanics.platform.batch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import dev.mechanics.platform.OutageLog;
import dev.mechanics.platform.lifecycle.AfterMigration;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
  /** A fire whose launch failed this often is left for an operator (its last_error says why). */
  static final int MAX_FIRE_ATTEMPTS = 3;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  AfterMigration afterMigration;

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

  /** How long a claimed fire may stay unlaunched before another poll takes it for a dead claimer's (ADR 0048). */
  @Inject
  @ConfigProperty(name = "BATCH_FIRE_LEASE_SECONDS", defaultValue = "60")
  int fireLeaseSeconds;

  /** Test only (with BATCH_FAULT_INJECTION): the JVM halts right after a claim commits, as a crash would. */
  @Inject
  @ConfigProperty(name = "BATCH_FAULT_HALT_AFTER_CLAIM", defaultValue = "false")
  boolean haltAfterClaim;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  @Inject
  ExecutionHeartbeats heartbeats;

  private final Clock clock = Clock.systemUTC();
  private final OutageLog outage = new OutageLog(LOG, "batch scheduler poll");
  private ScheduledFuture<?> polling;
  private ScheduledFuture<?> beating;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    afterMigration.run("platform schedules", () -> {
      for (JobDefinition job : jobs.all()) {
        job.defaultSchedule().ifPresent(cron -> schedules.ensurePlatformSchedule(job.name(), cron, timeZone,
            clock.instant()));
      }
    });
    // every instance beats for the runs it executes, whether or not it fires schedules
    beating = executor.scheduleWithFixedDelay(heartbeats::beat, heartbeats.interval().toSeconds(),
        heartbeats.interval().toSeconds(), TimeUnit.SECONDS);
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
      List<Schedules.Fire> claimed = schedules.claimDueFires(clock.instant(), 20, heartbeats.instanceName());
      if (!claimed.isEmpty() && faultInjection && haltAfterClaim) {
        LOG.severe("BATCH_FAULT_HALT_AFTER_CLAIM: halting the JVM after claiming " + claimed.size() + " fire(s)");
        Runtime.getRuntime().halt(137);
      }
      outage.succeeded();
      claimed.forEach(this::launch);
      schedules.reclaimUnlaunched(clock.instant(), Duration.ofSeconds(fireLeaseSeconds), MAX_FIRE_ATTEMPTS,
          heartbeats.instanceName(), 20).forEach(fire -> {
            LOG.warning(() -> "schedule " + fire.schedule().id() + ": fire " + fire.id() + " was claimed but never "
                + "launched (its instance died?); launching it now");
            launch(fire);
          });
    } catch (RuntimeException e) {
      outage.failed(e, "due schedules fire at the first poll that works");
    }
  }

  private void launch(Schedules.Fire fire) {
    Schedule due = fire.schedule();
    try {
      schedules.launched(fire.id(), launcher.fire(due, fire.id()), clock.instant());
    } catch (RuntimeException e) {
      schedules.launchFailed(fire.id(), e.toString());
      LOG.log(Level.WARNING, "schedule " + due.id() + " (" + due.jobName() + ") could not start its job", e);
    }
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
    if (beating != null) {
      beating.cancel(false);
    }
  }
}
