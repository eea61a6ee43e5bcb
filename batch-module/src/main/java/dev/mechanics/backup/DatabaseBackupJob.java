package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;

/** Platform job {@code database-backup} (database-backup.xml): snapshot, verify, retention. No parameters. */
@ApplicationScoped
public class DatabaseBackupJob extends BackupScheduledJob {

  public DatabaseBackupJob() {
    super("database-backup");
  }
}
