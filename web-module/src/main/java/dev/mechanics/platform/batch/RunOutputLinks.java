package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.security.SignedPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Short-lived download links of a run's outputs (a report's CSV and PDF) when the file store cannot sign its own
 * (the local folder). The token carries the run's organization, the execution, the output's place in the run's
 * list and the expiry, signed for this purpose only: nothing is stored, every instance verifies what another
 * signed. Tampered: 404; expired: 410.
 */
@ApplicationScoped
public class RunOutputLinks {

  private static final String PURPOSE = "mechanics run output download links v1";
  private static final UUID PLATFORM = new UUID(0, 0);
  private static final int PAYLOAD = 16 + 8 + 4 + 8;
  private final SignedPayloads signer;
  private final Clock clock;

  public RunOutputLinks() {
    this(null, Clock.systemUTC());
  }

  RunOutputLinks(byte[] key, Clock clock) {
    this.signer = new SignedPayloads(PURPOSE, key);
    this.clock = clock;
  }

  /** What a valid token grants: reading output {@code index} of this execution of this organization (null: platform). */
  public record Grant(UUID organizationId, long executionId, int index) {
  }

  public String sign(UUID organizationId, long executionId, int index, Instant expiresAt) {
    UUID owner = organizationId == null ? PLATFORM : organizationId;
    return signer.sign(ByteBuffer.allocate(PAYLOAD).putLong(owner.getMostSignificantBits())
        .putLong(owner.getLeastSignificantBits()).putLong(executionId).putInt(index)
        .putLong(expiresAt.getEpochSecond()).array());
  }

  public Grant verify(String token) {
    ByteBuffer payload = signer.open(token, PAYLOAD)
        .orElseThrow(() -> new DomainException.NotFound("download link", "in this URL"));
    UUID organization = new UUID(payload.getLong(), payload.getLong());
    long execution = payload.getLong();
    int index = payload.getInt();
    if (!clock.instant().isBefore(Instant.ofEpochSecond(payload.getLong()))) {
      throw new DomainException.Gone("This download link has expired; ask for a new one");
    }
    return new Grant(PLATFORM.equals(organization) ? null : organization, execution, index);
  }
}
