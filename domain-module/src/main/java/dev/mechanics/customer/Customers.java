package dev.mechanics.customer;

import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Repository of customers; tenant filtering comes from {@code @TenantId}, and in its native reads from their SQL. */
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
    return ofOrganization(" and id = :id", Map.of("id", id), 1).stream().findFirst();
  }

  /**
   * Customers in id order, optionally matching {@code q}: a prefix of first or last name, or exactly an e-mail
   * address or a phone number (contact data is encrypted, so it is found through its blind index only). Native SQL
   * with the organization as its condition, as {@link #find}: the search box asks this on every keystroke. Only the
   * conditions that apply are in the statement, so each of its few shapes keeps one plan that can use the
   * organization's name and index columns.
   */
  public List<Customer> list(String q, PageRequest page) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> parameters = new HashMap<>();
    if (page.after() != null) {
      where.append(" and id > :after");
      parameters.put("after", page.after());
    }
    if (q != null && !q.isBlank()) {
      where.append(" and (lower(last_name) like :prefix escape '\\' or lower(first_name) like :prefix escape '\\'");
      parameters.put("prefix", escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%");
      if (q.contains("@")) {
        where.append(" or email_index = :emailIndex");
        parameters.put("emailIndex", Customer.emailIndexOf(q));
      }
      if (q.matches("[0-9+()./ -]*[0-9][0-9+()./ -]*")) {
        where.append(" or phone_index = :phoneIndex");
        parameters.put("phoneIndex", Customer.phoneIndexOf(q));
      }
      where.append(')');
    }
    return ofOrganization(where + " order by id", parameters, page.limit() + 1);
  }

  /**
   * Managed customers of the caller's organization, {@code rest} added after that condition: contact details
   * decrypted by their converters, changes flushed; synchronised on {@link Customer} only, so the query flushes
   * nothing else early.
   */
  private List<Customer> ofOrganization(String rest, Map<String, Object> parameters, int maxRows) {
    NativeQuery<?> query = em.createNativeQuery("select * from customers where organization_id = :org" + rest,
            Customer.class)
        .unwrap(NativeQuery.class).addSynchronizedEntityClass(Customer.class)
        .setParameter("org", Tenancy.current());
    parameters.forEach(query::setParameter);
    return query.setMaxResults(maxRows).getResultList().stream().map(Customer.class::cast).toList();
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
