package dev.mechanics.workorder;

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
 * The token in an approval link: the link's id and an HMAC-SHA256 of it, with a key derived from JWT_SECRET
 * (so every instance verifies the links every other one signed). Expiry and single use live in the database.
 * A token that does not verify names nothing: 404.
 */
@ApplicationScoped
public class ApprovalTokens {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private volatile byte[] key;

  public String sign(UUID linkId) {
    byte[] id = bytes(linkId);
    return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id));
  }

  public UUID verify(String token) {
    DomainException.NotFound invalid = new DomainException.NotFound("approval link", "in this URL");
    if (token == null || token.length() > 100) {
      throw invalid;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      throw invalid;
    }
    try {
      byte[] id = Base64.getUrlDecoder().decode(token.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (id.length != 16 || !MessageDigest.isEqual(signature, mac(id))) {
        throw invalid;
      }
      ByteBuffer buffer = ByteBuffer.wrap(id);
      return new UUID(buffer.getLong(), buffer.getLong());
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
        k = derive.doFinal("mechanics approval links v1".getBytes(StandardCharsets.UTF_8));
        key = k;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return k;
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
        .array();
  }
}
