package dev.mechanics.tenancy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The result of a successful sign-in: enough to issue an access token and to answer {@code GET /me}. */
public record SignedInStaff(UUID userId, UUID organizationId, String email, String name,
                            List<Membership> memberships) {

  public Set<Role> roles() {
    return memberships.stream().map(Membership::getRole).collect(Collectors.toUnmodifiableSet());
  }
}
