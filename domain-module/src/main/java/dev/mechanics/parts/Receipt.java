package dev.mechanics.parts;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A delivery booked under an Idempotency-Key (the project's rule, {@link IdempotentRequests}): a retried receipt
 * finds this row and books nothing twice. {@code lines} is the canonical request ("lineId=quantity,...").
 */
@MappedSuperclass
public abstract class Receipt extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  @Column(name = "received_by", updatable = false)
  private UUID receivedBy;

  @Column(nullable = false, length = 4000, updatable = false)
  private String lines;

  @Column(name = "idempotency_key", nullable = false, length = 200, updatable = false)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
  private String requestHash;

  protected Receipt() {
  }

  protected Receipt(UUID organizationId, UUID receivedBy, String lines, String idempotencyKey, String requestHash) {
    super(organizationId);
    this.receivedBy = receivedBy;
    this.lines = lines.length() > 4000 ? lines.substring(0, 4000) : lines;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }
}
