package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of staff members and their memberships. */
@ApplicationScoped
public class StaffMembers {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<StaffMember> find(UUID id) {
    return em.createQuery("select u from StaffMember u where u.id = :id", StaffMember.class)
        .setParameter("id", id).getResultStream().findFirst();
  }

  /** E-mails are unique across organizations, so sign-in needs no organization (called as system). */
  public Optional<StaffMember> findByEmail(String email) {
    return em.createQuery("select u from StaffMember u where u.email = :email", StaffMember.class)
        .setParameter("email", StaffMember.normalizeEmail(email)).getResultStream().findFirst();
  }

  public boolean emailTaken(String email) {
    return !em.createQuery("select u.id from StaffMember u where u.email = :email", UUID.class)
        .setParameter("email", StaffMember.normalizeEmail(email)).setMaxResults(1).getResultList().isEmpty();
  }

  public List<Membership> membershipsOf(UUID userId) {
    return em.createQuery("select m from Membership m where m.userId = :user order by m.shopId", Membership.class)
        .setParameter("user", userId).getResultList();
  }

  public void add(StaffMember member) {
    em.persist(member);
  }

  public void add(Membership membership) {
    em.persist(membership);
  }
}
