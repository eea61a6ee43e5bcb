package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking: the signed-in staff member, their organization, the roles they hold and in which shop each
 * (memberships, as the database says now: cached per session for seconds, dropped on any change, docs/adr/0051). What those roles allow is decided by
 * {@link Capability}; services, views and the routes' {@code @Requires} all ask through {@link #may} and
 * {@link #mayIn}.
 */
public record Caller(UUID userId, UUID organizationId, Set<Role> roles, Map<UUID, Role> shopRoles) {

  public Caller {
    roles = Set.copyOf(roles);
    shopRoles = Map.copyOf(shopRoles);
  }

  /** The caller as their memberships make them; {@code extra} adds roles held outside any shop. */
  public static Caller of(UUID userId, UUID organizationId, List<Membership> memberships, Role... extra) {
    Map<UUID, Role> byShop = memberships.stream()
        .collect(Collectors.toUnmodifiableMap(Membership::getShopId, Membership::getRole, (a, b) -> a));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(byShop.values());
    roles.addAll(List.of(extra));
    return new Caller(userId, organizationId, roles, byShop);
  }

  /** Whether the caller holds {@code capability} somewhere in the organization. */
  public boolean may(Capability capability) {
    return capability.roles().stream().anyMatch(roles::contains);
  }

  /** Whether the caller holds {@code capability} in this shop: an owner in every shop, others where they work. */
  public boolean mayIn(Capability capability, UUID shopId) {
    if (capability.roles().contains(Role.OWNER) && roles.contains(Role.OWNER)) {
      return true;
    }
    Role held = shopRoles.get(shopId);
    return held != null && capability.roles().contains(held);
  }

  /** 403 unless {@link #may}; {@code action} completes "Your role does not allow you to ...". */
  public void require(Capability capability, String action) {
    if (!may(capability)) {
      throw new DomainException.Forbidden("Your role does not allow you to " + action);
    }
  }

  /** 403 unless {@link #mayIn}; the caller has made sure that the shop exists (else 404 comes first). */
  public void requireIn(Capability capability, UUID shopId, String action) {
    if (!mayIn(capability, shopId)) {
      throw new DomainException.Forbidden("Only " + capability.roles().stream().map(Role::name)
          .collect(Collectors.joining(" or ")) + " of this shop may " + action);
    }
  }

  /** The shops in which the caller holds {@code capability} through their own membership. */
  public Set<UUID> shopsWhere(Capability capability) {
    return shopRoles.entrySet().stream().filter(e -> capability.roles().contains(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the caller may give or take {@code role} in this shop: owners any role, managers floor roles. */
  public boolean mayGrant(Role role, UUID shopId) {
    return may(Capability.MANAGE_ALL_STAFF)
        || (mayIn(Capability.MANAGE_STAFF, shopId) && Capability.GRANTED_BY_MANAGERS.contains(role));
  }
}
