package dev.mechanics.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The result of a successful sign-in: enough to issue an access token and to answer {@code GET /me}.
 * {@code platformOperator}: the installation's operator role, as {@link PlatformOperators} decided it at this
 * sign-in or refresh.
 */
public record SignedInStaff(UUID userId, UUID organizationId, String email, String name,
                            List<Membership> memberships, boolean platformOperator) {

  public SignedInStaff(UUID userId, UUID organizationId, String email, String name, List<Membership> memberships) {
    this(userId, organizationId, email, name, memberships, false);
  }

  public Set<Role> roles() {
    Set<Role> roles = memberships.stream().map(Membership::getRole).collect(Collectors.toCollection(
        () -> EnumSet.noneOf(Role.class)));
    if (platformOperator) {
      roles.add(Role.PLATFORM_OPERATOR);
    }
    return Set.copyOf(roles);
  }
}
