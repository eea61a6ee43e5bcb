package dev.mechanics.backup;

import dev.mechanics.platform.batch.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Platform job {@code backup-retention} (backup-retention.xml): deletes backups older than
 * BACKUP_RETENTION_DAYS, never the newest verified one (database-backup ends with the same step). No parameters.
 */
@ApplicationScoped
public class BackupRetentionJob implements JobDefinition {

  @Override
  public String name() {
    return "backup-retention";
  }

  @Override
  public Scope scope() {
    return Scope.PLATFORM;
  }
}
