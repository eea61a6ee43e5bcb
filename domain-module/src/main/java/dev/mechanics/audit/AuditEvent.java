package dev.mechanics.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One audited change, immutable for the application. Written without its chain columns (seq, prevHash, hash);
 * the sealer ({@code audit_seal}, ADR 0050) sets them once, after the change committed.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

  @Id
  @Column(nullable = false, updatable = false)
  private UUID id;

  @TenantId
  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(insertable = false, updatable = false)
  private Long seq;

  @Column(name = "shop_id", updatable = false)
  private UUID shopId;

  @Column(name = "actor_id", updatable = false)
  private UUID actorId;

  @Column(nullable = false, updatable = false, length = 60)
  private String action;

  @Column(name = "entity_type", nullable = false, updatable = false, length = 40)
  private String entityType;

  @Column(name = "entity_id", updatable = false)
  private UUID entityId;

  @Column(name = "before_state", updatable = false)
  private String before;

  @Column(name = "after_state", updatable = false)
  private String after;

  @Column(name = "request_id", updatable = false, length = 100)
  private String requestId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "prev_hash", insertable = false, updatable = false, length = 64)
  private String prevHash;

  @Column(insertable = false, updatable = false, length = 64)
  private String hash;

  protected AuditEvent() {
  }

  AuditEvent(UUID id, UUID organizationId, UUID shopId, UUID actorId, String action, String entityType,
             UUID entityId, String before, String after, String requestId, Instant occurredAt) {
    this.id = id;
    this.organizationId = organizationId;
    this.shopId = shopId;
    this.actorId = actorId;
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
    this.before = before;
    this.after = after;
    this.requestId = requestId;
    this.occurredAt = occurredAt;
  }

  /**
   * SHA-256 over the previous hash and every field of the row, in a fixed order: what the sealer computed when it
   * sealed the row (the SQL function audit_seal must stay identical to this).
   */
  String computeHash() {
    String content = String.join("|", prevHash, organizationId.toString(), Long.toString(seq), str(shopId),
        str(actorId), action, entityType, str(entityId), str(before), str(after), str(requestId),
        Long.toString(occurredAt.getEpochSecond()), Integer.toString(occurredAt.getNano() / 1000));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  public UUID getId() {
    return id;
  }

  /** The row's place in the chain; null until sealed. */
  public Long getSeq() {
    return seq;
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getActorId() {
    return actorId;
  }

  public String getAction() {
    return action;
  }

  public String getEntityType() {
    return entityType;
  }

  public UUID getEntityId() {
    return entityId;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }

  public String getRequestId() {
    return requestId;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }
}
