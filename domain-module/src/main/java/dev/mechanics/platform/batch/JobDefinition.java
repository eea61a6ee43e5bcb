package dev.mechanics.platform.batch;

import java.util.Map;
import java.util.Optional;

/**
 * A job the application offers, declared by the job itself: a CDI bean in the job's package, beside its batchlets
 * and its job XML ({@code META-INF/batch-jobs/<name>.xml}). The launcher, the schedules and the API find every
 * job through these beans; nothing else lists the jobs. Its Javadoc lists the parameters the job reads.
 */
public interface JobDefinition {

  /** Platform jobs cover the whole installation (platform operators); organization jobs one organization. */
  enum Scope { PLATFORM, ORGANIZATION }

  /** The job XML's id, and the {@code jobName} of the API. */
  String name();

  Scope scope();

  /** Refuses (422) parameters the job could not run with, before a run or a schedule exists. */
  default void check(Map<String, String> parameters) {
  }

  /** Completes the parameters of a run that {@code schedule} starts (its own parameters are already in). */
  default void scheduled(Schedule schedule, Map<String, String> parameters) {
  }

  /** The cron (five fields) of the installation's default schedule of this platform job, if it has one. */
  default Optional<String> defaultSchedule() {
    return Optional.empty();
  }
}
