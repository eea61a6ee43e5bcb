package dev.mechanics.tenancy;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One location of a chain: its own bays, staff, labor rate and time zone. */
@Entity
@Table(name = "shops")
public class Shop extends TenantOwnedEntity {

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(length = 40)
  private String phone;

  @Column(length = 500)
  private String address;

  @Column(name = "labor_rate", nullable = false, precision = 14, scale = 2)
  private BigDecimal laborRate;

  protected Shop() {
  }

  public Shop(UUID organizationId, ShopDetails details) {
    super(organizationId);
    apply(details);
  }

  public void apply(ShopDetails details) {
    this.name = details.name();
    this.timeZone = details.timeZone();
    this.phone = details.phone();
    this.address = details.address();
    this.laborRate = details.laborRate() == null ? BigDecimal.ZERO.setScale(2) : details.laborRate();
  }

  public String getName() {
    return name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getPhone() {
    return phone;
  }

  public String getAddress() {
    return address;
  }

  public BigDecimal getLaborRate() {
    return laborRate;
  }
}
