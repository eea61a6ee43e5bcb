package dev.mechanics.backup;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step "verify": restores this run's backup into a scratch database; any table that differs fails the job. */
@Dependent
@Named("backupVerifyBatchlet")
public class BackupVerifyBatchlet extends ExplainedBatchlet {

  @Inject
  DatabaseBackupService backups;

  @Override
  protected String run() throws Exception {
    BackupCatalogue.Entry entry = backups.backupOf(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("this run wrote no backup to verify"));
    List<String> differences = backups.verify(entry.objectKey());
    if (!differences.isEmpty()) {
      step.setExitStatus("verify failed: " + String.join("; ", differences));
      throw new IllegalStateException("restored data differs from the backup: " + differences);
    }
    return "VERIFIED";
  }
}
