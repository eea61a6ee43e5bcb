package dev.mechanics.customer;

import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of vehicles; tenant filtering comes from {@code @TenantId}. */
@ApplicationScoped
public class Vehicles {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Vehicle> find(UUID id) {
    return em.createQuery("select v from Vehicle v where v.id = :id", Vehicle.class)
        .setParameter("id", id).getResultStream().findFirst();
  }

  public List<Vehicle> list(UUID customerId, PageRequest page) {
    return em.createQuery("""
            select v from Vehicle v
            where (:customer is null or v.customerId = :customer) and (:after is null or v.id > :after)
            order by v.id""", Vehicle.class)
        .setParameter("customer", customerId)
        .setParameter("after", page.after())
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  public boolean vinTaken(String vin, UUID exceptId) {
    return !em.createQuery("select v.id from Vehicle v where v.vin = :vin and v.id <> :except", UUID.class)
        .setParameter("vin", vin).setParameter("except", exceptId == null ? new UUID(0, 0) : exceptId)
        .setMaxResults(1).getResultList().isEmpty();
  }

  public void add(Vehicle vehicle) {
    em.persist(vehicle);
  }

  public void removeAllOf(UUID customerId) {
    em.createQuery("delete from Vehicle v where v.customerId = :customer")
        .setParameter("customer", customerId).executeUpdate();
  }
}
