package dev.mechanics.tenancy;

/** What a person may do in a shop; held per shop through a {@link Membership}. */
public enum Role {
  OWNER, MANAGER, SERVICE_ADVISOR, TECHNICIAN,
  /**
   * Operates the installation (database and file backups, retention, every organization's job runs). Not a
   * shop role: never held through a membership, granted by {@link PlatformOperators} (PLATFORM_ADMIN_EMAILS).
   */
  PLATFORM_OPERATOR;

  /** Role names as they appear in the access token's {@code groups} claim and in {@code @RolesAllowed}. */
  public static final String OWNER_NAME = "OWNER";
  public static final String MANAGER_NAME = "MANAGER";
  public static final String SERVICE_ADVISOR_NAME = "SERVICE_ADVISOR";
  public static final String TECHNICIAN_NAME = "TECHNICIAN";
  public static final String PLATFORM_OPERATOR_NAME = "PLATFORM_OPERATOR";
}
