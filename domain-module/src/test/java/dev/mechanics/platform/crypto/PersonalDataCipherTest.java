package dev.mechanics.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @AfterEach
  void forget() {
    PersonalDataKeys.use(null);
  }

  @Test
  void encryptsWithAFreshNonceAndDecryptsBack() {
    PersonalDataKeys.use(PersonalDataKeys.of(Optional.of(newKey()), Optional.empty()));
    String a = PersonalDataCipher.encrypt("maria.garcia@example.com");
    String b = PersonalDataCipher.encrypt("maria.garcia@example.com");
    assertThat(a).startsWith("v1:").doesNotContain("maria").isNotEqualTo(b);
    assertThat(PersonalDataCipher.decrypt(a)).isEqualTo("maria.garcia@example.com");
    assertThat(PersonalDataCipher.blindIndex("x@y.z")).isEqualTo(PersonalDataCipher.blindIndex("x@y.z"))
        .hasSize(64).doesNotContain("x@y");
  }

  @Test
  void aTamperedValueFailsToDecryptInsteadOfYieldingOtherData() {
    PersonalDataKeys.use(PersonalDataKeys.of(Optional.of(newKey()), Optional.empty()));
    String stored = PersonalDataCipher.encrypt("+1 312 555 0141");
    char last = stored.charAt(stored.length() - 2);
    String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(
        stored.length() - 1);
    assertThatThrownBy(() -> PersonalDataCipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRetiredKeyStillDecryptsAfterRotationAndNewValuesUseTheNewKey() {
    String oldKey = newKey();
    PersonalDataKeys.use(PersonalDataKeys.of(Optional.of(oldKey), Optional.empty()));
    String underOld = PersonalDataCipher.encrypt("1 Main St");
    String oldIndex = PersonalDataCipher.blindIndex("5550141");
    PersonalDataKeys.use(PersonalDataKeys.of(Optional.of(newKey()), Optional.of(oldKey)));
    assertThat(PersonalDataCipher.decrypt(underOld)).isEqualTo("1 Main St");
    assertThat(PersonalDataCipher.isCurrent(underOld)).isFalse();
    String underNew = PersonalDataCipher.encrypt("1 Main St");
    assertThat(PersonalDataCipher.isCurrent(underNew)).isTrue();
    assertThat(PersonalDataCipher.blindIndex("5550141")).isNotEqualTo(oldIndex);
  }

  @Test
  void anInvalidKeyIsRefusedNamingTheVariableButNotTheValue() {
    for (String bad : new String[] {"not base64!!", Base64.getEncoder().encodeToString(new byte[16])}) {
      PersonalDataKeys keys = PersonalDataKeys.of(Optional.of(bad), Optional.empty());
      assertThat(keys.problem()).contains("ENCRYPTION_KEY").doesNotContain(bad);
    }
    assertThat(PersonalDataKeys.of(Optional.of(newKey()), Optional.of("short")).problem())
        .contains("ENCRYPTION_KEYS_RETIRED");
    assertThat(PersonalDataKeys.of(Optional.empty(), Optional.empty()).problem()).isNull();
  }

  @Test
  void valuesWrittenBeforeEncryptionAreReadAsTheyAre() {
    PersonalDataKeys.use(PersonalDataKeys.of(Optional.of(newKey()), Optional.empty()));
    assertThat(PersonalDataCipher.decrypt("legacy@example.com")).isEqualTo("legacy@example.com");
    assertThat(PersonalDataCipher.decrypt(null)).isNull();
    assertThat(PersonalDataCipher.encrypt(null)).isNull();
  }
}
