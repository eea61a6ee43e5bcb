package dev.mechanics.backup;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import dev.mechanics.platform.batch.job.JobOutputs;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "snapshot" of database-backup: writes the encrypted object and its manifest (a restart rewrites both). */
@Dependent
@Named("databaseBackupBatchlet")
public class DatabaseBackupBatchlet extends ExplainedBatchlet {

  @Inject
  DatabaseBackupService backups;

  @Inject
  JobOutputs outputs;

  @Override
  protected String run() throws Exception {
    BackupManifest manifest = backups.backup(job.getInstanceId());
    outputs.record(job, manifest.objectKey(), manifest.objectBytes());
    return "COMPLETED";
  }
}
