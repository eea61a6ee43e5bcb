package dev.mechanics.tenancy;

import dev.mechanics.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A shop chain: the tenant. Everything else belongs to exactly one organization. */
@Entity
@Table(name = "organizations")
public class Organization {

  @Id
  private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(nullable = false)
  private Long version;

  protected Organization() {
  }

  public Organization(String name, String currency, String timeZone) {
    this.id = Ids.newId();
    this.name = name;
    this.currency = currency;
    this.timeZone = timeZone;
    this.createdAt = Instant.now();
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCurrency() {
    return currency;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version == null ? 0 : version;
  }
}
