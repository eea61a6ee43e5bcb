package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Repository of organizations (the tenants themselves, so not tenant-filtered). */
@ApplicationScoped
public class Organizations {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Organization> find(UUID id) {
    return Optional.ofNullable(em.find(Organization.class, id));
  }

  public void add(Organization organization) {
    em.persist(organization);
  }

  public long count() {
    return em.createQuery("select count(o) from Organization o", Long.class).getSingleResult();
  }
}
