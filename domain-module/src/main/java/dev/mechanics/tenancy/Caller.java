package dev.mechanics.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking: the signed-in staff member, their organization, the roles they hold and in which shop each
 * (memberships, read from the database on every request). Domain services take it to decide what the caller
 * may do; {@code docs/permissions.md} is the matrix they implement.
 */
public record Caller(UUID userId, UUID organizationId, Set<Role> roles, Map<UUID, Role> shopRoles) {

  /** A caller known only by the roles of its token (no per-shop detail). */
  public Caller(UUID userId, UUID organizationId, Set<Role> roles) {
    this(userId, organizationId, roles, Map.of());
  }

  public static Caller of(UUID userId, UUID organizationId, List<Membership> memberships) {
    Map<UUID, Role> byShop = memberships.stream()
        .collect(Collectors.toUnmodifiableMap(Membership::getShopId, Membership::getRole, (a, b) -> a));
    return new Caller(userId, organizationId, Set.copyOf(byShop.values()), byShop);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... any) {
    for (Role role : any) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** Owners act in every shop of the organization; others only where they hold the role. */
  public boolean holdsIn(UUID shopId, Role... any) {
    if (roles.contains(Role.OWNER)) {
      return true;
    }
    Role held = shopRoles.get(shopId);
    if (held == null) {
      return false;
    }
    for (Role role : any) {
      if (role == held) {
        return true;
      }
    }
    return false;
  }

  /** Customer e-mail, phone and address: everyone but a caller who is only a technician. */
  public boolean seesCustomerContact() {
    return hasAny(Role.OWNER, Role.MANAGER, Role.SERVICE_ADVISOR);
  }
}
