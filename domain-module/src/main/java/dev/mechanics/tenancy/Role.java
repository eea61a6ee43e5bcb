package dev.mechanics.tenancy;

/** What a person may do in a shop; held per shop through a {@link Membership}. */
public enum Role {
  OWNER, MANAGER, SERVICE_ADVISOR, TECHNICIAN;

  /** Role names as they appear in the access token's {@code groups} claim and in {@code @RolesAllowed}. */
  public static final String OWNER_NAME = "OWNER";
  public static final String MANAGER_NAME = "MANAGER";
  public static final String SERVICE_ADVISOR_NAME = "SERVICE_ADVISOR";
  public static final String TECHNICIAN_NAME = "TECHNICIAN";
}
