package dev.mechanics.comeback;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * How long after a repair a re-repair counts as the shop's comeback: days since the original was invoiced and
 * miles driven since. A shop without a row uses {@link #DEFAULT_DAYS} and {@link #DEFAULT_MILES}.
 */
@Entity
@Table(name = "shop_warranty_windows")
public class WarrantyWindow extends TenantOwnedEntity {

  public static final int DEFAULT_DAYS = 90;
  public static final int DEFAULT_MILES = 4000;

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false)
  private int days;

  @Column(nullable = false)
  private int miles;

  protected WarrantyWindow() {
  }

  public WarrantyWindow(UUID organizationId, UUID shopId, int days, int miles) {
    super(organizationId);
    this.shopId = shopId;
    this.days = days;
    this.miles = miles;
  }

  public void change(int days, int miles) {
    this.days = days;
    this.miles = miles;
  }

  public UUID getShopId() {
    return shopId;
  }

  public int getDays() {
    return days;
  }

  public int getMiles() {
    return miles;
  }
}
