package dev.mechanics.platform;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Hands Hibernate the organization of the current thread (see {@link Tenancy}). */
public class TenantResolver implements CurrentTenantIdentifierResolver<Object> {

  @Override
  public Object resolveCurrentTenantIdentifier() {
    return Tenancy.current();
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return false;
  }

  @Override
  public boolean isRoot(Object tenantId) {
    return Tenancy.SYSTEM.equals(tenantId);
  }

  UUID current() {
    return Tenancy.current();
  }
}
