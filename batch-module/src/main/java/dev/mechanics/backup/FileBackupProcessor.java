package dev.mechanics.backup;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StoredFile;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** Filters out what an earlier run (or the failed execution before a restart) already copied unchanged. */
@Dependent
@Named("fileBackupProcessor")
public class FileBackupProcessor implements ItemProcessor {

  @Inject
  FileStore files;

  @Inject
  StepContext step;

  @Override
  public Object processItem(Object item) {
    FileBackupReader.Item copy = (FileBackupReader.Item) item;
    Optional<StoredFile> existing = files.get(FileArea.BACKUPS, copy.targetKey());
    if (existing.isPresent() && existing.get().size() == copy.source().size()
        && !existing.get().lastModified().isBefore(copy.source().lastModified())) {
      ((FileBackupProgress) step.getTransientUserData()).skipped++;
      return null;
    }
    return copy;
  }
}
