package dev.mechanics.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in of a staff member: the family of refresh tokens it rotates through, named by the access token's
 * {@code sid} claim. Revoking it ends every token of the family at once. Not tenant-filtered: it is only read
 * by the session service, which runs as system.
 */
@Entity
@Table(name = "sessions")
@EntityListeners(CallerChanges.class)
public class Session {

  @Id
  @Column(nullable = false, updatable = false)
  private UUID id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 40)
  private String revokedReason;

  protected Session() {
  }

  Session(UUID id, UUID organizationId, UUID userId, Instant now, Instant expiresAt) {
    this.id = id;
    this.organizationId = organizationId;
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganizationId() {
    return organizationId;
  }

  public UUID getUserId() {
    return userId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
