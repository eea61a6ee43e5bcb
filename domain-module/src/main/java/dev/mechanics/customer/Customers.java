package dev.mechanics.customer;

import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Repository of customers; tenant filtering comes from {@code @TenantId}, and in {@link #find} from its SQL. */
@ApplicationScoped
public class Customers {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /**
   * The customer, if of the caller's organization. Read by every route about a customer or their vehicles, so
   * native SQL with the organization as its condition (ADR 0058): Hibernate translates a filtered query anew on
   * every execution, where this plan is kept. A managed entity all the same (contact details decrypted by their
   * converters, changes flushed); synchronised on {@link Customer} only, so it flushes nothing else early.
   */
  public Optional<Customer> find(UUID id) {
    List<?> found = em.createNativeQuery("select * from customers where organization_id = :org and id = :id",
            Customer.class)
        .unwrap(NativeQuery.class).addSynchronizedEntityClass(Customer.class)
        .setParameter("org", Tenancy.current()).setParameter("id", id)
        .getResultList();
    return found.stream().map(Customer.class::cast).findFirst();
  }

  /**
   * Customers in id order, optionally matching {@code q}: a prefix of first or last name, or exactly an e-mail
   * address or a phone number (contact data is encrypted, so it is found through its blind index only).
   */
  public List<Customer> list(String q, PageRequest page) {
    if (q == null || q.isBlank()) {
      return em.createQuery("select c from Customer c where (:after is null or c.id > :after) order by c.id",
              Customer.class)
          .setParameter("after", page.after())
          .setMaxResults(page.limit() + 1)
          .getResultList();
    }
    String prefix = escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
    String emailIndex = q.contains("@") ? Customer.emailIndexOf(q) : null;
    String phoneIndex = q.matches("[0-9+()./ -]*[0-9][0-9+()./ -]*") ? Customer.phoneIndexOf(q) : null;
    return em.createQuery("""
            select c from Customer c
            where (:after is null or c.id > :after)
              and (lower(c.lastName) like :prefix escape '\\'
                or lower(c.firstName) like :prefix escape '\\'
                or c.emailIndex = :emailIndex
                or c.phoneIndex = :phoneIndex)
            order by c.id""", Customer.class)
        .setParameter("after", page.after())
        .setParameter("prefix", prefix)
        .setParameter("emailIndex", emailIndex == null ? "-" : emailIndex)
        .setParameter("phoneIndex", phoneIndex == null ? "-" : phoneIndex)
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  public void add(Customer customer) {
    em.persist(customer);
  }

  public void remove(Customer customer) {
    em.remove(customer);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
