package dev.mechanics.backup;

import java.util.List;

/**
 * What a backup object holds, stored beside it as {@code <object>.manifest.json} (never the key). Restore
 * checks the object's sha256 and size, and verify compares every table's rows and checksum with it.
 */
public record BackupManifest(int format, String objectKey, String startedAt, String finishedAt,
                             String schemaVersion, String snapshot, String compression, String encryption,
                             long plaintextBytes, long objectBytes, String sha256, List<Table> tables,
                             List<Sequence> sequences) {

  public record Table(String name, long rows, String checksum, long bytes) {
  }

  public record Sequence(String name, long lastValue, boolean called) {
  }
}
