package dev.mechanics.scheduling;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A date the shop stays closed (a holiday, a stock-taking day), whatever its weekday hours say. */
@Entity
@Table(name = "shop_closed_days")
public class ClosedDay extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false)
  private LocalDate day;

  @Column(length = 120)
  private String reason;

  protected ClosedDay() {
  }

  public ClosedDay(UUID organizationId, UUID shopId, LocalDate day, String reason) {
    super(organizationId);
    this.shopId = shopId;
    this.day = day;
    this.reason = reason;
  }

  public LocalDate getDay() {
    return day;
  }

  public String getReason() {
    return reason;
  }
}
