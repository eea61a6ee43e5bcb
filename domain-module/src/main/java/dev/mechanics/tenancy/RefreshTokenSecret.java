package dev.mechanics.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The key under which refresh tokens are hashed ({@code JWT_REFRESH_SECRET}, at least 256 bits): the database
 * holds only HMAC-SHA256(secret, token), so a leaked table cannot be replayed. Unset: random per run, with a
 * warning (sessions end with the process).
 */
public final class RefreshTokenSecret {

  public static final String VARIABLE = "JWT_REFRESH_SECRET";
  private static final Logger LOG = Logger.getLogger(RefreshTokenSecret.class.getName());
  private static volatile RefreshTokenSecret current;

  private final byte[] key;
  private final String problem;

  private RefreshTokenSecret(byte[] key, String problem) {
    this.key = key;
    this.problem = problem;
  }

  public static RefreshTokenSecret current() {
    RefreshTokenSecret secret = current;
    if (secret == null) {
      synchronized (RefreshTokenSecret.class) {
        if (current == null) {
          current = of(ConfigProvider.getConfig().getOptionalValue(VARIABLE, String.class));
        }
        secret = current;
      }
    }
    return secret;
  }

  static RefreshTokenSecret of(Optional<String> configured) {
    if (configured.isEmpty() || configured.get().isEmpty()) {
      LOG.warning(VARIABLE + " is not set: generated a random refresh-token key for this run only; sessions "
          + "will not survive a restart or work across instances.");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return new RefreshTokenSecret(key, null);
    }
    byte[] key = configured.get().getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      return new RefreshTokenSecret(null, VARIABLE + " is too short: it has " + key.length * 8
          + " bits, at least 256 bits (32 bytes) are required");
    }
    return new RefreshTokenSecret(key, null);
  }

  /** Why the configured secret cannot be used, or null. */
  public String problem() {
    return problem;
  }

  public String hash(String token) {
    return HexFormat.of().formatHex(mac(token));
  }

  /**
   * The refresh token that replaces {@code token} when it is rotated: derived, so that a rotation asked twice
   * answers the same token twice, and unguessable without this secret.
   */
  public String successorOf(String token) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("rotated from " + token));
  }

  private byte[] mac(String text) {
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
