package dev.mechanics.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A row that belongs to one organization. {@code @TenantId} makes Hibernate add the organization to every
 * query and set it on every insert, from {@link Tenancy}: isolation lives here, not in each query.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id;

  @TenantId
  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Version
  @Column(name = "version", nullable = false)
  private Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected TenantOwnedEntity() {
  }

  protected TenantOwnedEntity(UUID organizationId) {
    this.id = Ids.newId();
    this.organizationId = organizationId;
  }

  @PrePersist
  void stampCreation() {
    Instant now = Instant.now();
    createdAt = now;
    updatedAt = now;
  }

  @PreUpdate
  void stampUpdate() {
    updatedAt = Instant.now();
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganizationId() {
    return organizationId;
  }

  public long getVersion() {
    return version == null ? 0 : version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Optimistic-lock check for an update that a client based on {@code expectedVersion} (from If-Match). */
  /** {@code If-Match: *}: the caller changes whatever version is current. */
  public static final long ANY_VERSION = -1;

  public void requireVersion(long expectedVersion, String what) {
    if (expectedVersion != ANY_VERSION && getVersion() != expectedVersion) {
      throw new DomainException.StaleVersion(what, expectedVersion, getVersion());
    }
  }
}
