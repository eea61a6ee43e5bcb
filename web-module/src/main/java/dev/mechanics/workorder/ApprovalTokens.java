package dev.mechanics.workorder;

import dev.mechanics.platform.security.SignedPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The token in an approval link: the link's id, signed (so every instance verifies the links every other one
 * signed). Expiry and single use live in the database. A token that does not verify names nothing: 404
 * ({@code approval-link-invalid}).
 */
@ApplicationScoped
public class ApprovalTokens {

  private final SignedPayloads signer = new SignedPayloads("mechanics approval links v1");

  public String sign(UUID linkId) {
    return signer.sign(ByteBuffer.allocate(16).putLong(linkId.getMostSignificantBits())
        .putLong(linkId.getLeastSignificantBits()).array());
  }

  public UUID verify(String token) {
    ByteBuffer id = signer.open(token, 16).orElseThrow(ApprovalLink::invalid);
    return new UUID(id.getLong(), id.getLong());
  }
}
