package dev.mechanics.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for single values: {@code v1:<key id>:<base64(12-byte nonce | ciphertext | tag)>}. A fresh random
 * nonce per value, so equal plaintexts never look equal; the tag makes any change to a stored value fail to
 * decrypt rather than yield altered data. Exact lookups go through {@link #blindIndex}.
 */
public final class PersonalDataCipher {

  public static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * One cipher object per thread, initialised anew for every value: a customer list decrypts three fields of each
   * of its rows, and looking the algorithm up among the providers for each was a tenth of the list's CPU time.
   * A {@code Cipher} is not thread-safe; every {@code init} resets it, so a failed value leaves nothing behind.
   */
  private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no AES/GCM in this JDK", e);
    }
  });

  private PersonalDataCipher() {
  }

  public static String encrypt(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    PersonalDataKeys keys = PersonalDataKeys.current();
    String keyId = keys.currentId();
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt personal data", e);
    }
  }

  public static String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      return stored; // written before encryption existed; PersonalDataRekeying encrypts it at start-up
    }
    int colon = stored.indexOf(':', PREFIX.length());
    String keyId = stored.substring(PREFIX.length(), colon);
    byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
    try {
      Cipher cipher = AES_GCM.get();
      cipher.init(Cipher.DECRYPT_MODE, PersonalDataKeys.current().key(keyId), new GCMParameterSpec(128, in, 0, 12));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt personal data under key " + keyId, e);
    }
  }

  /** What every value encrypted under the current key starts with. */
  public static String currentPrefix() {
    return PREFIX + PersonalDataKeys.current().currentId() + ":";
  }

  /** Whether the stored value is already encrypted under the current key. */
  public static boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + PersonalDataKeys.current().currentId() + ":");
  }

  /** Keyed hash of a normalized value: equal inputs match, nothing about the input can be learned from it. */
  public static String blindIndex(String normalized) {
    if (normalized == null || normalized.isEmpty()) {
      return null;
    }
    return HexFormat.of().formatHex(PersonalDataKeys.hmac(PersonalDataKeys.current().indexKey(),
        normalized.getBytes(StandardCharsets.UTF_8)));
  }
}
