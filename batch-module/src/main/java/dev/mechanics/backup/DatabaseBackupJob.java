package dev.mechanics.backup;

import dev.mechanics.platform.batch.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Platform job {@code database-backup} (job XML database-backup.xml): snapshot, verify, retention. No
 * parameters. Scheduled by default at BACKUP_SCHEDULE (daily 02:00).
 */
@ApplicationScoped
public class DatabaseBackupJob implements JobDefinition {

  @Inject
  @ConfigProperty(name = "BACKUP_SCHEDULE", defaultValue = "0 2 * * *")
  String schedule;

  @Override
  public String name() {
    return "database-backup";
  }

  @Override
  public Scope scope() {
    return Scope.PLATFORM;
  }

  @Override
  public Optional<String> defaultSchedule() {
    return Optional.of(schedule);
  }
}
