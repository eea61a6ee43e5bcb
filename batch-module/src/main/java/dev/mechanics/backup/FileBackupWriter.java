package dev.mechanics.backup;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StorageUnavailable;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Copies each file (server-side in Blob Storage). A file that cannot be copied is logged and counted and the
 * rest go on; when copies keep failing in a row the store itself is down, and the step fails so that a restart
 * resumes from the last checkpoint instead of marking every remaining file failed.
 */
@Dependent
@Named("fileBackupWriter")
public class FileBackupWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(FileBackupWriter.class.getName());
  static final int FAILURES_IN_A_ROW = 10;

  @Inject
  FileStore files;

  @Inject
  StepContext step;

  @Inject
  JobContext job;

  /** Tests only (BATCH_FAULT_INJECTION=true): the first execution throws at this item to exercise restart. */
  @Inject
  @BatchProperty
  String failAtItem;

  /** Tests only (BATCH_FAULT_INJECTION=true): milliseconds each copy waits, so a test can stop a running job. */
  @Inject
  @BatchProperty
  String delayMillis;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  private int written;
  private int failuresInARow;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    FileBackupProgress progress = (FileBackupProgress) step.getTransientUserData();
    for (Object o : items) {
      FileBackupReader.Item item = (FileBackupReader.Item) o;
      written++;
      injectFault();
      try {
        files.copy(FileArea.UPLOADS, item.source().key(), FileArea.BACKUPS, item.targetKey());
        progress.copied++;
        failuresInARow = 0;
      } catch (IOException | RuntimeException e) {
        if (StorageUnavailable.causes(e)) {
          // the store is away, not this file: stop at once so that the restart resumes from the last checkpoint,
          // instead of counting the rest of the chunk as failed files the backup would then miss
          throw e;
        }
        progress.failed++;
        failuresInARow++;
        LOG.warning(() -> "file-backup: " + item.source().key() + " not copied: " + e.getMessage());
        if (failuresInARow >= FAILURES_IN_A_ROW) {
          throw new IOException(FAILURES_IN_A_ROW + " copies failed in a row (the store looks down); last: "
              + e.getMessage(), e);
        }
      }
    }
  }

  private void injectFault() throws InterruptedException {
    if (faultInjection && delayMillis != null && !delayMillis.isBlank()) {
      Thread.sleep(Long.parseLong(delayMillis));
    }
    if (!faultInjection || failAtItem == null || failAtItem.isBlank() || Integer.parseInt(failAtItem) != written) {
      return;
    }
    var operator = BatchRuntime.getJobOperator();
    if (operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).size() == 1) {
      throw new IllegalStateException("injected failure at item " + written + " (BATCH_FAULT_INJECTION)");
    }
  }
}
