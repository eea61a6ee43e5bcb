package dev.mechanics.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    // the thread's cipher object is whole again for the next value
    assertThat(PersonalDataCipher.decrypt(stored)).isEqualTo("+1 312 555 0141");
    assertThat(PersonalDataCipher.decrypt(PersonalDataCipher.encrypt("next"))).isEqualTo("next");
  }

  @Test
  void manyThreadsEncryptingAndDecryptingAtOnceEachGetTheirOwnValuesBack() throws Exception {
    PersonalDataKeys keys = PersonalDataKeys.of(Optional.of(newKey()), Optional.empty());
    PersonalDataKeys.use(keys);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> rounds = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        rounds.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            String value = "customer-" + thread + "-" + i + "@example.com";
            String stored = PersonalDataCipher.encrypt(value);
            if (!value.equals(PersonalDataCipher.decrypt(stored))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> round : rounds) {
        assertThat(round.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
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
