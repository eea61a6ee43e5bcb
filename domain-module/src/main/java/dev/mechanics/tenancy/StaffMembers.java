package dev.mechanics.tenancy;

import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
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

  /** Locks the row: concurrent sign-ins to one account count their failures one after another. */
  public Optional<StaffMember> findForUpdate(UUID id) {
    return em.createQuery("select u from StaffMember u where u.id = :id", StaffMember.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
  }

  public boolean emailTaken(String email) {
    return !em.createQuery("select u.id from StaffMember u where u.email = :email", UUID.class)
        .setParameter("email", StaffMember.normalizeEmail(email)).setMaxResults(1).getResultList().isEmpty();
  }

  public List<Membership> membershipsOf(UUID userId) {
    return em.createQuery("select m from Membership m where m.userId = :user order by m.shopId", Membership.class)
        .setParameter("user", userId).getResultList();
  }

  /** Staff of the organization in id order; with {@code shops} only those holding a role in one of them. */
  public List<StaffMember> list(Collection<UUID> shops, PageRequest page) {
    String jpql = "select u from StaffMember u where (:after is null or u.id > :after)"
        + (shops == null ? "" : " and exists (select m.id from Membership m where m.userId = u.id and m.shopId in :shops)")
        + " order by u.id";
    var query = em.createQuery(jpql, StaffMember.class).setParameter("after", page.after());
    if (shops != null) {
      query.setParameter("shops", shops);
    }
    return query.setMaxResults(page.limit() + 1).getResultList();
  }

  /** The enabled staff holding {@code role} in the shop, by name. */
  public List<StaffMember> withRole(UUID shopId, Role role) {
    return em.createQuery("""
            select u from StaffMember u, Membership m
            where m.userId = u.id and m.shopId = :shop and m.role = :role and u.enabled = true
            order by u.name, u.id""", StaffMember.class)
        .setParameter("shop", shopId).setParameter("role", role).setMaxResults(500).getResultList();
  }

  public Optional<Membership> membership(UUID userId, UUID shopId) {
    return em.createQuery("select m from Membership m where m.userId = :user and m.shopId = :shop", Membership.class)
        .setParameter("user", userId).setParameter("shop", shopId).getResultStream().findFirst();
  }

  public long ownersOf(UUID organizationId) {
    return em.createQuery("select count(distinct m.userId) from Membership m, StaffMember u "
            + "where u.id = m.userId and u.enabled = true and m.role = :owner", Long.class)
        .setParameter("owner", Role.OWNER).getSingleResult();
  }

  public void remove(Membership membership) {
    em.remove(membership);
  }

  public void add(StaffMember member) {
    em.persist(member);
  }

  public void add(Membership membership) {
    em.persist(membership);
  }
}
