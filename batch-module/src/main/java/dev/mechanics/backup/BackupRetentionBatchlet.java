package dev.mechanics.backup;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "retention" (database-backup, and the backup-retention job on its own). */
@jakarta.enterprise.context.Dependent
@Named("backupRetentionBatchlet")
public class BackupRetentionBatchlet extends ExplainedBatchlet {

  @Inject
  DatabaseBackups backups;

  @Override
  protected String run() throws Exception {
    return "DELETED " + backups.prune().size();
  }
}
