package dev.mechanics.parts;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** The organization's one pricing matrix, stored as text so a change is one versioned row (ETag). */
@Entity
@Table(name = "part_pricing_matrices")
public class PricingMatrixRow extends TenantOwnedEntity {

  @Column(nullable = false, length = 2000)
  private String tiers;

  protected PricingMatrixRow() {
  }

  PricingMatrixRow(UUID organizationId, PriceMatrix matrix) {
    super(organizationId);
    this.tiers = matrix.text();
  }

  public PriceMatrix matrix() {
    return PriceMatrix.parse(tiers);
  }

  void replace(PriceMatrix matrix) {
    this.tiers = matrix.text();
  }
}
