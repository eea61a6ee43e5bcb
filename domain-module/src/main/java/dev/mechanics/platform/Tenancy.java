package dev.mechanics.platform;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which organization the current thread works for. Hibernate's {@link TenantResolver} reads it when a session
 * opens, so every query and insert of a {@code @TenantId} entity is scoped here, in one place.
 *
 * <p>No tenant set means "nobody": queries match no rows. Code that must cross tenants (sign-in by e-mail,
 * sign-up, start-up jobs) says so explicitly with {@link #callAsSystem}.
 */
public final class Tenancy {

  /** Matches no organization: the value used when nothing was set. */
  public static final UUID NOBODY = new UUID(0, 0);
  /** Hibernate's root tenant: tenant filtering is off. */
  public static final UUID SYSTEM = new UUID(0, 1);

  private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

  private Tenancy() {
  }

  public static UUID current() {
    UUID id = CURRENT.get();
    return id == null ? NOBODY : id;
  }

  /** Binds the thread to an organization for the rest of a request; {@link #clear()} ends it. */
  public static void bind(UUID organizationId) {
    CURRENT.set(organizationId);
  }

  public static void clear() {
    CURRENT.remove();
  }

  public static <T> T callAs(UUID organizationId, Supplier<T> work) {
    UUID previous = CURRENT.get();
    CURRENT.set(organizationId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static <T> T callAsSystem(Supplier<T> work) {
    return callAs(SYSTEM, work);
  }
}
