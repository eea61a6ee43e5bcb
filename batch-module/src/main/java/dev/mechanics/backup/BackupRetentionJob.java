package dev.mechanics.backup;

import dev.mechanics.platform.batch.NamedJob;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Platform job {@code backup-retention} (backup-retention.xml): deletes backups older than
 * BACKUP_RETENTION_DAYS, never the newest verified one (database-backup ends with the same step). No parameters.
 */
@ApplicationScoped
public class BackupRetentionJob extends NamedJob {

  public BackupRetentionJob() {
    super("backup-retention", Scope.PLATFORM);
  }
}
