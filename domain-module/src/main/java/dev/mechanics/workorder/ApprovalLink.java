package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A link sent to the customer to approve an estimate; it expires and answers once. */
@Entity
@Table(name = "approval_links")
public class ApprovalLink extends TenantOwnedEntity {

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(length = 320, updatable = false)
  private String email;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  protected ApprovalLink() {
  }

  ApprovalLink(WorkOrder workOrder, String email, Instant expiresAt, UUID createdBy) {
    super(workOrder.getOrganizationId());
    this.workOrderId = workOrder.getId();
    this.email = email;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
  }

  static final String LINK = "approval-link";

  /** A link that names no approval (tampered, or never issued): nothing to show, nobody to name. */
  public static DomainException.UnusableLink invalid() {
    return new DomainException.UnusableLink(LINK, DomainException.UnusableLink.Reason.INVALID,
        "No approval link with id in this URL", null);
  }

  /**
   * Used or expired links show nothing of the estimate any more, but say which it was and who sent it, so that
   * the customer can call the shop for a new one.
   */
  void requireUsable(Instant now, DomainException.Contact shop) {
    if (usedAt != null) {
      throw new DomainException.UnusableLink(LINK, DomainException.UnusableLink.Reason.USED,
          "This approval link was already used; ask the shop for a new one", shop);
    }
    if (!now.isBefore(expiresAt)) {
      throw new DomainException.UnusableLink(LINK, DomainException.UnusableLink.Reason.EXPIRED,
          "This approval link expired at " + expiresAt + "; ask the shop for a new one", shop);
    }
  }

  void use(Instant now) {
    usedAt = now;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public String getEmail() {
    return email;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
