package dev.mechanics.backup;

import dev.mechanics.platform.batch.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Platform job {@code file-backup} (file-backup.xml): copies the uploads to the backup container. Parameter
 * {@code chunkSize} (files per checkpoint, 50); {@code failAtItem} and {@code delayMillis} only with
 * BATCH_FAULT_INJECTION=true (tests). Scheduled by default at BACKUP_SCHEDULE, like database-backup.
 */
@ApplicationScoped
public class FileBackupJob implements JobDefinition {

  @Inject
  @ConfigProperty(name = "BACKUP_SCHEDULE", defaultValue = "0 2 * * *")
  String schedule;

  @Override
  public String name() {
    return "file-backup";
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
