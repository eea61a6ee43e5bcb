package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.JwtKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an invitation link: the user id and the invitation's nonce, and an HMAC-SHA256 of both under a
 * key derived from JWT_SECRET for this purpose only (an approval-link signature never verifies here). Expiry
 * and single use live in the database (the nonce is cleared on acceptance). A token that does not verify names
 * nothing: 404.
 */
@ApplicationScoped
public class InvitationTokens {

  /** What a verified token names. */
  public record Invitation(UUID userId, UUID nonce) {
  }

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private volatile byte[] key;

  public String sign(UUID userId, UUID nonce) {
    byte[] data = ByteBuffer.allocate(32).putLong(userId.getMostSignificantBits())
        .putLong(userId.getLeastSignificantBits()).putLong(nonce.getMostSignificantBits())
        .putLong(nonce.getLeastSignificantBits()).array();
    return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac(data));
  }

  public Invitation verify(String token) {
    DomainException.NotFound invalid = new DomainException.NotFound("invitation", "in this URL");
    if (token == null || token.length() > 120) {
      throw invalid;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      throw invalid;
    }
    try {
      byte[] data = Base64.getUrlDecoder().decode(token.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (data.length != 32 || !MessageDigest.isEqual(signature, mac(data))) {
        throw invalid;
      }
      ByteBuffer buffer = ByteBuffer.wrap(data);
      return new Invitation(new UUID(buffer.getLong(), buffer.getLong()), new UUID(buffer.getLong(),
          buffer.getLong()));
    } catch (IllegalArgumentException e) {
      throw invalid;
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
        k = derive.doFinal("mechanics invitations v1".getBytes(StandardCharsets.UTF_8));
        key = k;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return k;
  }
}
