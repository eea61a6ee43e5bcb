package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A tax a shop charges (a shop may have several: state, county, ...). */
@Entity
@Table(name = "tax_rates")
public class TaxRate extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 60)
  private String name;

  @Column(nullable = false, precision = 7, scale = 4)
  private BigDecimal rate;

  @Column(name = "applies_to_labor", nullable = false)
  private boolean appliesToLabor;

  @Column(name = "applies_to_parts", nullable = false)
  private boolean appliesToParts;

  protected TaxRate() {
  }

  public TaxRate(UUID organizationId, UUID shopId, int position, TaxRule rule) {
    super(organizationId);
    this.shopId = shopId;
    this.position = position;
    this.name = rule.name();
    this.rate = rule.rate();
    this.appliesToLabor = rule.appliesToLabor();
    this.appliesToParts = rule.appliesToParts();
  }

  public UUID getShopId() {
    return shopId;
  }
}
