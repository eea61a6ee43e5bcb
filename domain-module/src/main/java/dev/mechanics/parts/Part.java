package dev.mechanics.parts;

import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A part of the organization's catalogue. Its selling price is its own or the pricing matrix's. */
@Entity
@Table(name = "parts")
public class Part extends TenantOwnedEntity {

  @Column(name = "part_number", nullable = false, length = 60)
  private String partNumber;

  @Column(length = 80)
  private String brand;

  @Column(nullable = false, length = 500)
  private String description;

  @Column(length = 120)
  private String vendor;

  @Column(name = "unit_cost", nullable = false, precision = 14, scale = 2)
  private BigDecimal unitCost;

  @Column(name = "selling_price", precision = 14, scale = 2)
  private BigDecimal sellingPrice;

  @Column(name = "tax_category", nullable = false, length = 40)
  private String taxCategory;

  @Column(name = "core_charge", precision = 14, scale = 2)
  private BigDecimal coreCharge;

  protected Part() {
  }

  Part(UUID organizationId, PartDetails details) {
    super(organizationId);
    apply(details);
  }

  void apply(PartDetails d) {
    this.partNumber = d.partNumber();
    this.brand = d.brand();
    this.description = d.description();
    this.vendor = d.vendor();
    this.unitCost = d.unitCost().amount();
    this.sellingPrice = d.sellingPrice() == null ? null : d.sellingPrice().amount();
    this.taxCategory = d.taxCategory() == null ? "STANDARD" : d.taxCategory();
    this.coreCharge = d.coreCharge() == null ? null : d.coreCharge().amount();
  }

  /** Its own selling price, else the matrix's price for its cost. */
  public Money priceWith(PriceMatrix matrix) {
    return sellingPrice != null ? new Money(sellingPrice) : matrix.priceFor(new Money(unitCost));
  }

  public String getPartNumber() {
    return partNumber;
  }

  public String getBrand() {
    return brand;
  }

  public String getDescription() {
    return description;
  }

  public String getVendor() {
    return vendor;
  }

  public Money getUnitCost() {
    return new Money(unitCost);
  }

  public Money getSellingPrice() {
    return sellingPrice == null ? null : new Money(sellingPrice);
  }

  public String getTaxCategory() {
    return taxCategory;
  }

  public Money getCoreCharge() {
    return coreCharge == null ? null : new Money(coreCharge);
  }
}
