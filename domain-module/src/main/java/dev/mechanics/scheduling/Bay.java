package dev.mechanics.scheduling;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A place in a shop where a car is worked on: a lift, the alignment rack. Appointments book one. */
@Entity
@Table(name = "bays")
public class Bay extends TenantOwnedEntity {

  /** What a bay is equipped for. */
  public enum Kind { LIFT, ALIGNMENT, DIAGNOSTIC, GENERAL }

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false, length = 60)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  protected Bay() {
  }

  public Bay(UUID organizationId, UUID shopId, String name, Kind kind) {
    super(organizationId);
    this.shopId = shopId;
    this.name = name;
    this.kind = kind;
  }

  public void rename(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getName() {
    return name;
  }

  public Kind getKind() {
    return kind;
  }
}
