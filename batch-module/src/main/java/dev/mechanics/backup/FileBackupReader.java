package dev.mechanics.backup;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StoredFile;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Reads every uploaded file, in key order, lazily. The checkpoint is the last key read: a restart walks the
 * listing again and resumes after it (listing is cheap; copying is what is not repeated).
 */
@Dependent
@Named("fileBackupReader")
public class FileBackupReader extends AbstractItemReader {

  /** One file to copy into the backup container. */
  record Item(StoredFile source, String targetKey) implements Serializable {
  }

  @Inject
  FileStore files;

  @Inject
  StepContext step;

  private Stream<StoredFile> listing;
  private Iterator<StoredFile> remaining;
  private FileBackupProgress progress;
  private String lastRead;

  @Override
  public void open(Serializable checkpoint) {
    progress = checkpoint instanceof FileBackupProgress p ? p
        : new FileBackupProgress(LocalDate.now(ZoneOffset.UTC).toString());
    lastRead = progress.lastKey;
    step.setTransientUserData(progress);
    listing = files.walk(FileArea.UPLOADS, "");
    remaining = listing.iterator();
  }

  @Override
  public Object readItem() {
    while (remaining.hasNext()) {
      StoredFile file = remaining.next();
      if (lastRead == null || file.key().compareTo(lastRead) > 0) {
        lastRead = file.key();
        return new Item(file, progress.targetKey(file.key()));
      }
    }
    return null;
  }

  @Override
  public Serializable checkpointInfo() {
    return progress.snapshot(lastRead);
  }

  @Override
  public void close() {
    if (listing != null) {
      listing.close();
    }
  }
}
