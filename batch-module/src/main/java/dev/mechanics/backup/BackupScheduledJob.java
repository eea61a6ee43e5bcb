package dev.mechanics.backup;

import dev.mechanics.platform.batch.NamedJob;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A backup job the installation schedules by itself at BACKUP_SCHEDULE (default daily 02:00). */
abstract class BackupScheduledJob extends NamedJob {

  @Inject
  @ConfigProperty(name = "BACKUP_SCHEDULE", defaultValue = "0 2 * * *")
  String schedule;

  BackupScheduledJob(String name) {
    super(name, Scope.PLATFORM);
  }

  @Override
  public Optional<String> defaultSchedule() {
    return Optional.of(schedule);
  }
}
