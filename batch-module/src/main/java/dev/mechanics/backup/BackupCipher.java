package dev.mechanics.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The cipher of database backups, keyed by BACKUP_ENCRYPTION_KEY (or ENCRYPTION_KEY), never stored with them. */
@ApplicationScoped
public class BackupCipher {

  @Inject
  @ConfigProperty(name = "BACKUP_ENCRYPTION_KEY", defaultValue = " ")
  String backupKey;

  @Inject
  @ConfigProperty(name = "ENCRYPTION_KEY", defaultValue = " ")
  String encryptionKey;

  SegmentedAesGcm cipher() {
    String key = !backupKey.isBlank() ? backupKey.trim() : encryptionKey.trim();
    if (key.isEmpty()) {
      throw new IllegalStateException("BACKUP_ENCRYPTION_KEY (or ENCRYPTION_KEY) is not set: backups are never "
          + "written unencrypted");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("BACKUP_ENCRYPTION_KEY is not base64");
    }
    return new SegmentedAesGcm(bytes);
  }
}
