package dev.mechanics.scheduling;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** When a shop opens on one weekday, in the shop's time zone. A weekday without a row is closed. */
@Entity
@Table(name = "shop_opening_hours")
public class OpeningHours extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false)
  private short weekday;

  @Column(nullable = false)
  private LocalTime opens;

  @Column(nullable = false)
  private LocalTime closes;

  protected OpeningHours() {
  }

  public OpeningHours(UUID organizationId, UUID shopId, DayOfWeek day, LocalTime opens, LocalTime closes) {
    super(organizationId);
    this.shopId = shopId;
    this.weekday = (short) day.getValue();
    this.opens = opens;
    this.closes = closes;
  }

  public DayOfWeek getDay() {
    return DayOfWeek.of(weekday);
  }

  public LocalTime getOpens() {
    return opens;
  }

  public LocalTime getCloses() {
    return closes;
  }

  public UUID getShopId() {
    return shopId;
  }
}
