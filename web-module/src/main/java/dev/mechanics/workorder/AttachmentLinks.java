package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.JwtKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived download links of attachments when the file store cannot sign its own (the local folder). The
 * token carries the organization, the attachment and the expiry, and an HMAC-SHA256 of them with a key derived
 * from JWT_SECRET (its own label, so an approval-link signature is never valid here): every instance verifies
 * what another signed, nothing is stored. Tampered: 404 (it names nothing); expired: 410.
 */
@ApplicationScoped
public class AttachmentLinks {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final int PAYLOAD = 16 + 16 + 8;
  private volatile byte[] key;
  private final Clock clock;

  public AttachmentLinks() {
    this(null, Clock.systemUTC());
  }

  AttachmentLinks(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** What a valid token grants: reading this attachment of this organization. */
  public record Grant(UUID organizationId, UUID attachmentId) {
  }

  public String sign(UUID organizationId, UUID attachmentId, Instant expiresAt) {
    byte[] payload = ByteBuffer.allocate(PAYLOAD).putLong(organizationId.getMostSignificantBits())
        .putLong(organizationId.getLeastSignificantBits()).putLong(attachmentId.getMostSignificantBits())
        .putLong(attachmentId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).array();
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  public Grant verify(String token) {
    DomainException.NotFound invalid = new DomainException.NotFound("download link", "in this URL");
    if (token == null || token.length() > 200) {
      throw invalid;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      throw invalid;
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid;
    }
    if (payload.length != PAYLOAD || !MessageDigest.isEqual(signature, mac(payload))) {
      throw invalid;
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    UUID organization = new UUID(buffer.getLong(), buffer.getLong());
    UUID attachment = new UUID(buffer.getLong(), buffer.getLong());
    if (!clock.instant().isBefore(Instant.ofEpochSecond(buffer.getLong()))) {
      throw new DomainException.Gone("This download link has expired; ask for a new one");
    }
    return new Grant(organization, attachment);
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
        k = derive.doFinal("mechanics attachment download links v1".getBytes(StandardCharsets.UTF_8));
        key = k;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return k;
  }
}
