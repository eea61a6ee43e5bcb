package dev.mechanics.backup;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Job database-restore: parameters backupKey (object key) and targetDatabase (an empty database). */
@Dependent
@Named("databaseRestoreBatchlet")
public class DatabaseRestoreBatchlet extends ExplainedBatchlet {

  @Inject
  @BatchProperty
  String backupKey;

  @Inject
  @BatchProperty
  String targetDatabase;

  @Inject
  DatabaseBackupService backups;

  @Override
  protected String run() throws Exception {
    if (backupKey == null || targetDatabase == null) {
      throw new IllegalArgumentException("database-restore needs the parameters backupKey and targetDatabase");
    }
    backups.restore(backupKey, targetDatabase);
    return "RESTORED";
  }
}
