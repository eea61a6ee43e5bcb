package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.SignedPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The token in an invitation link: the user id and the invitation's nonce, signed for this purpose only (an
 * approval-link signature never verifies here). Expiry and single use live in the database (the nonce is cleared
 * on acceptance). A token that does not verify names nothing: 404.
 */
@ApplicationScoped
public class InvitationTokens {

  /** What a verified token names. */
  public record Invitation(UUID userId, UUID nonce) {
  }

  private final SignedPayloads signer = new SignedPayloads("mechanics invitations v1");

  public String sign(UUID userId, UUID nonce) {
    return signer.sign(ByteBuffer.allocate(32).putLong(userId.getMostSignificantBits())
        .putLong(userId.getLeastSignificantBits()).putLong(nonce.getMostSignificantBits())
        .putLong(nonce.getLeastSignificantBits()).array());
  }

  public Invitation verify(String token) {
    ByteBuffer data = signer.open(token, 32)
        .orElseThrow(() -> new DomainException.NotFound("invitation", "in this URL"));
    return new Invitation(new UUID(data.getLong(), data.getLong()), new UUID(data.getLong(), data.getLong()));
  }
}
