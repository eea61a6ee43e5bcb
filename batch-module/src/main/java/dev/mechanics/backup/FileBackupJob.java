package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Platform job {@code file-backup} (file-backup.xml): copies the uploads to the backup container. Parameter
 * {@code chunkSize} (files per checkpoint, 50); {@code failAtItem} and {@code delayMillis} only with
 * BATCH_FAULT_INJECTION=true (tests).
 */
@ApplicationScoped
public class FileBackupJob extends BackupScheduledJob {

  public FileBackupJob() {
    super("file-backup");
  }
}
