package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.SignedPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Short-lived download links of attachments when the file store cannot sign its own (the local folder). The
 * token carries the organization, the attachment and the expiry, signed for this purpose only (an approval-link
 * signature is never valid here): every instance verifies what another signed, nothing is stored. Tampered: 404
 * (it names nothing); expired: 410.
 */
@ApplicationScoped
public class AttachmentLinks {

  private static final String PURPOSE = "mechanics attachment download links v1";
  private static final int PAYLOAD = 16 + 16 + 8;
  private final SignedPayloads signer;
  private final Clock clock;

  public AttachmentLinks() {
    this(null, Clock.systemUTC());
  }

  AttachmentLinks(byte[] key, Clock clock) {
    this.signer = new SignedPayloads(PURPOSE, key);
    this.clock = clock;
  }

  /** What a valid token grants: reading this attachment of this organization. */
  public record Grant(UUID organizationId, UUID attachmentId) {
  }

  public String sign(UUID organizationId, UUID attachmentId, Instant expiresAt) {
    return signer.sign(ByteBuffer.allocate(PAYLOAD).putLong(organizationId.getMostSignificantBits())
        .putLong(organizationId.getLeastSignificantBits()).putLong(attachmentId.getMostSignificantBits())
        .putLong(attachmentId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).array());
  }

  public Grant verify(String token) {
    ByteBuffer payload = signer.open(token, PAYLOAD)
        .orElseThrow(() -> new DomainException.NotFound("download link", "in this URL"));
    UUID organization = new UUID(payload.getLong(), payload.getLong());
    UUID attachment = new UUID(payload.getLong(), payload.getLong());
    if (!clock.instant().isBefore(Instant.ofEpochSecond(payload.getLong()))) {
      throw new DomainException.Gone("This download link has expired; ask for a new one");
    }
    return new Grant(organization, attachment);
  }
}
