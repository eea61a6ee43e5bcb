package dev.mechanics.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The keys that protect personal data at rest. {@code ENCRYPTION_KEY} (base64 of 32 bytes) encrypts new values;
 * {@code ENCRYPTION_KEYS_RETIRED} (comma-separated, same form) still decrypts values written under earlier keys
 * until they are re-encrypted. Every stored value names its key by id (8 hex digits of a SHA-256 of the key),
 * which is what makes rotation possible (docs/adr/0012-personal-data-encryption.md). The blind-index key is
 * derived from the current key, so a rotation also recomputes the search indexes.
 */
public final class PersonalDataKeys {

  public static final String VARIABLE = "ENCRYPTION_KEY";
  public static final String RETIRED_VARIABLE = "ENCRYPTION_KEYS_RETIRED";
  private static final Logger LOG = Logger.getLogger(PersonalDataKeys.class.getName());
  private static volatile PersonalDataKeys current;

  private final String currentId;
  private final Map<String, SecretKey> byId;
  private final byte[] indexKey;
  private final String problem;

  private PersonalDataKeys(String currentId, Map<String, SecretKey> byId, byte[] indexKey, String problem) {
    this.currentId = currentId;
    this.byId = byId;
    this.indexKey = indexKey;
    this.problem = problem;
  }

  public static PersonalDataKeys current() {
    PersonalDataKeys keys = current;
    if (keys == null) {
      synchronized (PersonalDataKeys.class) {
        if (current == null) {
          var config = ConfigProvider.getConfig();
          current = of(config.getOptionalValue(VARIABLE, String.class),
              config.getOptionalValue(RETIRED_VARIABLE, String.class));
        }
        keys = current;
      }
    }
    return keys;
  }

  /** Replaces the process's keys (unit tests, which run without MicroProfile Config). */
  static void use(PersonalDataKeys keys) {
    current = keys;
  }

  public static PersonalDataKeys of(Optional<String> configured, Optional<String> retired) {
    byte[] key;
    if (configured.isEmpty() || configured.get().isBlank()) {
      LOG.warning(VARIABLE + " is not set: generated a random key for this run only; personal data written now "
          + "cannot be read after a restart. Set " + VARIABLE + " (base64 of 32 random bytes).");
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    } else {
      key = decode(configured.get());
      if (key == null) {
        return invalid(VARIABLE + " is invalid: expected the base64 encoding of exactly 32 bytes (256 bits)");
      }
    }
    Map<String, SecretKey> byId = new LinkedHashMap<>();
    String id = idOf(key);
    byId.put(id, new SecretKeySpec(key, "AES"));
    if (retired.isPresent() && !retired.get().isBlank()) {
      for (String old : retired.get().split(",")) {
        byte[] oldKey = decode(old);
        if (oldKey == null) {
          return invalid(RETIRED_VARIABLE + " is invalid: expected base64 keys of 32 bytes, separated by commas");
        }
        byId.putIfAbsent(idOf(oldKey), new SecretKeySpec(oldKey, "AES"));
      }
    }
    return new PersonalDataKeys(id, Map.copyOf(byId), hmac(key, "mechanics blind index v1".getBytes(
        StandardCharsets.UTF_8)), null);
  }

  private static PersonalDataKeys invalid(String problem) {
    return new PersonalDataKeys(null, Map.of(), null, problem);
  }

  private static byte[] decode(String text) {
    try {
      byte[] key = Base64.getDecoder().decode(text.strip());
      return key.length == 32 ? key : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String idOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("mechanics key id".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(key)).substring(0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why the configured keys cannot be used (naming the variable, never the value), or null. */
  public String problem() {
    return problem;
  }

  String currentId() {
    requireUsable();
    return currentId;
  }

  SecretKey key(String id) {
    requireUsable();
    SecretKey key = byId.get(id);
    if (key == null) {
      throw new IllegalStateException("A value is encrypted under key " + id + ", which is neither "
          + VARIABLE + " nor one of " + RETIRED_VARIABLE);
    }
    return key;
  }

  byte[] indexKey() {
    requireUsable();
    return indexKey;
  }

  private void requireUsable() {
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }
}
