package dev.mechanics.tenancy;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.UUID;

/** A person who signs in: owner, manager, service advisor or technician of one organization. */
@Entity
@Table(name = "users")
public class StaffMember extends TenantOwnedEntity {

  @Column(nullable = false, length = 320)
  private String email;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled;

  protected StaffMember() {
  }

  public StaffMember(UUID organizationId, String email, String name, String passwordHash) {
    super(organizationId);
    this.email = normalizeEmail(email);
    this.name = name;
    this.passwordHash = passwordHash;
    this.enabled = true;
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }
}
