package dev.mechanics.backup;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Reports file-backup's counts as the step's exit status (a failed step keeps its error instead). */
@Dependent
@Named("fileBackupStepListener")
public class FileBackupStepListener implements StepListener {

  private static final Logger LOG = Logger.getLogger(FileBackupStepListener.class.getName());

  @Inject
  StepContext step;

  @Override
  public void beforeStep() {
  }

  @Override
  public void afterStep() {
    if (step.getException() == null && step.getTransientUserData() instanceof FileBackupProgress progress) {
      step.setExitStatus(progress.summary());
      step.setPersistentUserData(progress.summary());
      LOG.info(() -> "file-backup into " + progress.targetKey("") + ": " + progress.summary());
    }
  }
}
