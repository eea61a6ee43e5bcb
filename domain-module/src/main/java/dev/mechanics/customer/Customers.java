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
   * address or a phone number (contact data is encrypted, so it is found through its blind index only). Native SQL
   * with the organization as its condition, as {@link #find}: the search box asks this on every keystroke. Only the
   * conditions that apply are in the statement, so each of its few shapes keeps one plan that can use the
   * organization's name and index columns.
   */
  public List<Customer> list(String q, PageRequest page) {
    StringBuilder sql = new StringBuilder("select * from customers where organization_id = :org");
    if (page.after() != null) {
      sql.append(" and id > :after");
    }
    String prefix = null;
    String emailIndex = null;
    String phoneIndex = null;
    if (q != null && !q.isBlank()) {
      prefix = escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
      sql.append(" and (lower(last_name) like :prefix escape '\\' or lower(first_name) like :prefix escape '\\'");
      if (q.contains("@")) {
        emailIndex = Customer.emailIndexOf(q);
        sql.append(" or email_index = :emailIndex");
      }
      if (q.matches("[0-9+()./ -]*[0-9][0-9+()./ -]*")) {
        phoneIndex = Customer.phoneIndexOf(q);
        sql.append(" or phone_index = :phoneIndex");
      }
      sql.append(')');
    }
    sql.append(" order by id");
    NativeQuery<?> query = em.createNativeQuery(sql.toString(), Customer.class).unwrap(NativeQuery.class)
        .addSynchronizedEntityClass(Customer.class)
        .setParameter("org", Tenancy.current());
    if (page.after() != null) {
      query.setParameter("after", page.after());
    }
    if (prefix != null) {
      query.setParameter("prefix", prefix);
    }
    if (emailIndex != null) {
      query.setParameter("emailIndex", emailIndex);
    }
    if (phoneIndex != null) {
      query.setParameter("phoneIndex", phoneIndex);
    }
    return query.setMaxResults(page.limit() + 1).getResultList().stream().map(Customer.class::cast).toList();
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
