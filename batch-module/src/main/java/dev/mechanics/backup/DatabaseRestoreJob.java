package dev.mechanics.backup;

import dev.mechanics.platform.batch.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Platform job {@code database-restore} (database-restore.xml): restores a backup into an empty database.
 * Parameters {@code backupKey} (the backup's object key) and {@code targetDatabase}, checked by the batchlet.
 */
@ApplicationScoped
public class DatabaseRestoreJob implements JobDefinition {

  @Override
  public String name() {
    return "database-restore";
  }

  @Override
  public Scope scope() {
    return Scope.PLATFORM;
  }
}
