package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes database backups older than BACKUP_RETENTION_DAYS, never the newest verified one (even if older). */
@ApplicationScoped
public class BackupRetention {

  private static final Logger LOG = Logger.getLogger(BackupRetention.class.getName());

  @Inject
  BackupStorage storage;

  @Inject
  BackupCatalogue catalogue;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_DAYS", defaultValue = "7")
  int retentionDays;

  private final Clock clock = Clock.systemUTC();

  /** Returns the deleted object keys. */
  public List<String> prune() throws Exception {
    Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
    Optional<BackupCatalogue.Entry> keep = catalogue.lastGood();
    List<String> deleted = new ArrayList<>();
    String prefix = DatabaseBackupService.PREFIX;
    for (String key : storage.list(prefix)) {
      if (!key.endsWith(".backup")) {
        continue;
      }
      Instant dayEnd;
      try {
        dayEnd = LocalDate.parse(key.substring(prefix.length(), prefix.length() + 10)).plusDays(1)
            .atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        continue;
      }
      boolean protectedKey = keep.isPresent() && keep.get().objectKey().equals(key);
      if (dayEnd.isBefore(cutoff) && !protectedKey) {
        storage.delete(key);
        storage.delete(DatabaseBackupService.manifestKeyOf(key));
        catalogue.deleted(key);
        deleted.add(key);
      }
    }
    LOG.info(() -> "backup retention (" + retentionDays + " days) deleted " + deleted.size() + " backups");
    return deleted;
  }
}
