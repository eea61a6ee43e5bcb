package dev.mechanics.tenancy;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A staff member's role in one shop. */
@Entity
@Table(name = "memberships")
@EntityListeners(CallerChanges.class)
public class Membership extends TenantOwnedEntity {

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Role role;

  protected Membership() {
  }

  public Membership(UUID organizationId, UUID userId, UUID shopId, Role role) {
    super(organizationId);
    this.userId = userId;
    this.shopId = shopId;
    this.role = role;
  }

  public UUID getUserId() {
    return userId;
  }

  public UUID getShopId() {
    return shopId;
  }

  public Role getRole() {
    return role;
  }

  public void changeRole(Role newRole) {
    this.role = newRole;
  }
}
