package dev.mechanics.backup;

import java.io.Serializable;

/**
 * file-backup's checkpoint: the day folder the run writes into (fixed at its first start, so a restart on the
 * next day completes the same folder), the last source key handled, and the counts so far.
 */
final class FileBackupProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  final String day;
  String lastKey;
  long copied;
  long skipped;
  long failed;

  FileBackupProgress(String day) {
    this.day = day;
  }

  FileBackupProgress snapshot(String upToKey) {
    FileBackupProgress p = new FileBackupProgress(day);
    p.lastKey = upToKey;
    p.copied = copied;
    p.skipped = skipped;
    p.failed = failed;
    return p;
  }

  String targetKey(String sourceKey) {
    return "file-backup/" + day + "/" + sourceKey;
  }

  /** The step's exit status, shown by /api/v1/batch/executions. */
  String summary() {
    return "COPIED " + copied + " SKIPPED " + skipped + " FAILED " + failed;
  }

  @Override
  public String toString() {
    return summary() + (lastKey == null ? "" : " (up to " + lastKey + ")");
  }
}
