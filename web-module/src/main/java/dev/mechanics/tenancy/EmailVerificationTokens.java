package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.SignedPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The token in an e-mail verification link: the user, a digest of the address it was mailed to and the expiry,
 * signed for this purpose only. Nothing is stored: following the link proves the address only while the user's
 * address is still the one mailed. Tampered: 404 (it names nothing); expired: 410.
 */
@ApplicationScoped
public class EmailVerificationTokens {

  private static final int PAYLOAD = 16 + EmailVerificationService.DIGEST_BYTES + 8;
  private final SignedPayloads signer = new SignedPayloads("mechanics e-mail verification links v1");
  private final Clock clock = Clock.systemUTC();

  public String sign(EmailVerificationService.Proof proof) {
    return signer.sign(ByteBuffer.allocate(PAYLOAD).putLong(proof.userId().getMostSignificantBits())
        .putLong(proof.userId().getLeastSignificantBits()).put(proof.emailDigest())
        .putLong(proof.expiresAt().getEpochSecond()).array());
  }

  public EmailVerificationService.Proof verify(String token) {
    ByteBuffer payload = signer.open(token, PAYLOAD)
        .orElseThrow(() -> new DomainException.NotFound("e-mail verification link", "in this URL"));
    UUID user = new UUID(payload.getLong(), payload.getLong());
    byte[] digest = new byte[EmailVerificationService.DIGEST_BYTES];
    payload.get(digest);
    Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
    if (!clock.instant().isBefore(expiresAt)) {
      throw new DomainException.Gone("This verification link has expired; ask for a new one");
    }
    return new EmailVerificationService.Proof(user, digest, expiresAt);
  }
}
