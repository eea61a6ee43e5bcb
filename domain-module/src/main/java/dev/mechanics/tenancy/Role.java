package dev.mechanics.tenancy;

/**
 * What a person is in a shop; held per shop through a {@link Membership}. What each role may do is decided by
 * {@link Capability}, not here.
 */
public enum Role {
  OWNER, MANAGER, SERVICE_ADVISOR, TECHNICIAN,
  /**
   * Operates the installation (database and file backups, retention, every organization's job runs). Not a
   * shop role: never held through a membership, granted by {@link PlatformOperators} (PLATFORM_ADMIN_EMAILS).
   */
  PLATFORM_OPERATOR
}
