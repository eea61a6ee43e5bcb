package dev.mechanics.backup;

import dev.mechanics.platform.batch.NamedJob;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Platform job {@code database-restore} (database-restore.xml): restores a backup into an empty database.
 * Parameters {@code backupKey} (the backup's object key) and {@code targetDatabase}, checked by the batchlet.
 */
@ApplicationScoped
public class DatabaseRestoreJob extends NamedJob {

  public DatabaseRestoreJob() {
    super("database-restore", Scope.PLATFORM);
  }
}
