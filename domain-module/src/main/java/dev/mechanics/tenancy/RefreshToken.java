package dev.mechanics.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session, stored only as its keyed hash; used once, then replaced (rotation). */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  @Id
  @Column(nullable = false, updatable = false)
  private UUID id;

  @Column(name = "session_id", nullable = false, updatable = false)
  private UUID sessionId;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {
  }

  RefreshToken(UUID id, UUID sessionId, String tokenHash, Instant issuedAt, Instant expiresAt) {
    this.id = id;
    this.sessionId = sessionId;
    this.tokenHash = tokenHash;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public UUID getSessionId() {
    return sessionId;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Rotated no longer than {@code grace} ago. */
  boolean usedWithin(Instant now, Duration grace) {
    return usedAt != null && now.isBefore(usedAt.plus(grace));
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  void markUsed(Instant now) {
    usedAt = now;
  }
}
