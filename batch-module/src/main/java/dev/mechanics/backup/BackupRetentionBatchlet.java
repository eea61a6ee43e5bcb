package dev.mechanics.backup;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "retention" (database-backup, and the backup-retention job on its own). */
@Dependent
@Named("backupRetentionBatchlet")
public class BackupRetentionBatchlet extends ExplainedBatchlet {

  @Inject
  BackupRetention retention;

  @Override
  protected String run() throws Exception {
    return "DELETED " + retention.prune().size();
  }
}
