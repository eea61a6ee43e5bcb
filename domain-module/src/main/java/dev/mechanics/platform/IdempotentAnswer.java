package dev.mechanics.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The first answer to a request made under an Idempotency-Key, for routes whose change leaves no single record
 * to carry the key (V51). Payments and credit notes carry theirs on their own rows.
 */
@Entity
@Table(name = "idempotent_answers")
public class IdempotentAnswer extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  @Column(name = "idempotency_key", nullable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(nullable = false)
  private int status;

  @Column(length = 100)
  private String etag;

  @Column(length = 2000)
  private String location;

  @Column(columnDefinition = "text")
  private String body;

  protected IdempotentAnswer() {
  }

  IdempotentAnswer(UUID organizationId, String idempotencyKey, String requestHash, IdempotentRequests.Answer answer) {
    super(organizationId);
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.status = answer.status();
    this.etag = answer.etag();
    this.location = answer.location();
    this.body = answer.body();
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }

  IdempotentRequests.Answer answer() {
    return new IdempotentRequests.Answer(status, etag, location, body, true);
  }
}
