package dev.mechanics.parts;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A shop's inventory settings: whether part lines may take more than is available (the rest is on order). */
@Entity
@Table(name = "inventory_settings")
public class InventorySettings extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "allow_backorders", nullable = false)
  private boolean allowBackorders;

  protected InventorySettings() {
  }

  InventorySettings(UUID organizationId, UUID shopId) {
    super(organizationId);
    this.shopId = shopId;
  }

  public UUID getShopId() {
    return shopId;
  }

  public boolean allowsBackorders() {
    return allowBackorders;
  }

  void allowBackorders(boolean allow) {
    this.allowBackorders = allow;
  }
}
