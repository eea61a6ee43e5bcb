package dev.mechanics.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretsTest {

  @Test
  void theKeysAreGeneratedOnceAndReadBackOnTheNextStart(@TempDir Path runData) throws Exception {
    Path file = runData.resolve("dev-secrets.properties");

    Map<String, String> first = DevSecrets.loadOrCreate(file);
    Map<String, String> second = DevSecrets.loadOrCreate(file);

    assertThat(first).containsOnlyKeys("ENCRYPTION_KEY", "JWT_SECRET", "JWT_REFRESH_SECRET", "BACKUP_ENCRYPTION_KEY");
    assertThat(second).isEqualTo(first);
    first.values().forEach(key -> assertThat(Base64.getDecoder().decode(key)).hasSize(32));
    assertThat(first.values()).doesNotHaveDuplicates();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
