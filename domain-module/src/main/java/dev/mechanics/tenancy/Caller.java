package dev.mechanics.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the signed-in staff member, their organization and the roles their token carries. Domain
 * services take it to decide what the caller may do.
 */
public record Caller(UUID userId, UUID organizationId, Set<Role> roles) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
