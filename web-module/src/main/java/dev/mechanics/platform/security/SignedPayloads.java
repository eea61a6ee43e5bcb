package dev.mechanics.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that carry their own proof, {@code base64url(payload).base64url(HMAC-SHA256)}, for the links we hand to
 * people outside a session (approval, invitation, attachment download): every instance verifies what another
 * signed and nothing is stored. The key is derived from JWT_SECRET per purpose, so a signature made for one kind
 * of link never verifies as another.
 */
public final class SignedPayloads {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final String purpose;
  private volatile byte[] key;

  public SignedPayloads(String purpose) {
    this(purpose, null);
  }

  /** With a fixed key (unit tests); {@code null} derives it from JWT_SECRET on first use. */
  public SignedPayloads(String purpose, byte[] key) {
    this.purpose = purpose;
    this.key = key;
  }

  public String sign(byte[] payload) {
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  /** The payload of a well-formed token of exactly {@code length} bytes signed for this purpose, else empty. */
  public Optional<ByteBuffer> open(String token, int length) {
    if (token == null || token.length() > 2 * length + 64) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (payload.length != length || !MessageDigest.isEqual(signature, mac(payload))) {
        return Optional.empty();
      }
      return Optional.of(ByteBuffer.wrap(payload));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      try {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(JwtKeys.current().privateKey().getS().toByteArray(), "HmacSHA256"));
        k = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        key = k;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return k;
  }
}
