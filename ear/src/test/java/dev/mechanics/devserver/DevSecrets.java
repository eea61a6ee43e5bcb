package dev.mechanics.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The keys of the embedded run, generated on its first start and kept in a file beside the embedded database's
 * data: the personal data, sessions and backups that one run writes are readable by the next. Never in the
 * repository (the file lives under {@code target/}) and never used with a real {@code DATABASE_URL}.
 */
final class DevSecrets {

  /** Each is base64 of 32 random bytes: what ENCRYPTION_KEY and BACKUP_ENCRYPTION_KEY require, and 256 bits for
   *  the JWT secrets. */
  static final List<String> NAMES = List.of("ENCRYPTION_KEY", "JWT_SECRET", "JWT_REFRESH_SECRET",
      "BACKUP_ENCRYPTION_KEY");

  private DevSecrets() {
  }

  /** The secrets stored in {@code file}, after generating and storing any that are missing. */
  static Map<String, String> loadOrCreate(Path file) throws IOException {
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        stored.load(in);
      }
    }
    boolean changed = false;
    SecureRandom random = new SecureRandom();
    for (String name : NAMES) {
      if (stored.getProperty(name, "").isBlank()) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        stored.setProperty(name, Base64.getEncoder().encodeToString(key));
        changed = true;
      }
    }
    if (changed) {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions apply
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        stored.store(out, "Development keys of the embedded run (mvn -Prun verify); they belong to the data beside "
            + "them. Delete both together.");
      }
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String name : NAMES) {
      secrets.put(name, stored.getProperty(name));
    }
    return secrets;
  }
}
