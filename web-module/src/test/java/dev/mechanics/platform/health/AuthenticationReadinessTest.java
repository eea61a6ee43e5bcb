package dev.mechanics.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LTPA keys present or not, and what the check says when they are missing (never a password's value). */
class AuthenticationReadinessTest {

  @TempDir
  Path dir;

  @Test
  void readyWhenTheKeysFileIsThere() throws Exception {
    Path keys = Files.writeString(dir.resolve("ltpa.keys"), "keys");
    assertThat(AuthenticationReadiness.problem(Optional.of(keys), Map.<String, String>of()::get)).isNull();
  }

  @Test
  void withoutKeysAndWithoutEitherPasswordItNamesCwwks4118e() {
    String problem = AuthenticationReadiness.problem(Optional.of(dir.resolve("ltpa.keys")),
        Map.of("keystore_password", " ")::get);
    assertThat(problem).contains("ltpa_keys_password", "keystore_password", "CWWKS4118E");
  }

  @Test
  void withoutKeysButWithAPasswordItSaysTheyAreMissingAndNeverTheValue() {
    String problem = AuthenticationReadiness.problem(Optional.of(dir.resolve("ltpa.keys")),
        Map.of("ltpa_keys_password", "s3cret-value")::get);
    assertThat(problem).contains("no LTPA keys").doesNotContain("CWWKS4118E").doesNotContain("s3cret-value");
  }

  @Test
  void noConfiguredPathMeansNoCheck() {
    assertThat(AuthenticationReadiness.problem(Optional.empty(), Map.<String, String>of()::get)).isNull();
  }
}
