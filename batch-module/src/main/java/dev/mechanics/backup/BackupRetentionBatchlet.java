package dev.mechanics.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "retention" (database-backup, and the backup-retention job on its own). */
@jakarta.enterprise.context.Dependent
@Named("backupRetentionBatchlet")
public class BackupRetentionBatchlet extends AbstractBatchlet {

  @Inject
  DatabaseBackups backups;

  @Override
  public String process() throws Exception {
    return "DELETED " + backups.prune().size();
  }
}
