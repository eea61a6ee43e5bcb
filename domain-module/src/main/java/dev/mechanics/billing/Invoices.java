package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of invoices and the payments taken against them. */
@ApplicationScoped
public class Invoices {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The invoice, or 404 (another organization's is as unknown as one that never existed). */
  public Invoice require(UUID id) {
    return em.createQuery("select i from Invoice i where i.id = :id", Invoice.class).setParameter("id", id)
        .getResultStream().findFirst().orElseThrow(() -> new DomainException.NotFound("invoice", id));
  }

  /** The invoice's shop, without loading the invoice (a later row lock must read it fresh). */
  public Optional<UUID> shopOf(UUID id) {
    return em.createQuery("select i.shopId from Invoice i where i.id = :id", UUID.class).setParameter("id", id)
        .getResultStream().findFirst();
  }

  /**
   * The invoice, row-locked until the transaction ends: payments and credit notes of one invoice queue here, so
   * balance checks and idempotency look-ups see every earlier one.
   */
  public Invoice requireForUpdate(UUID id) {
    return em.createQuery("select i from Invoice i where i.id = :id", Invoice.class)
        .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("invoice", id));
  }

  /** {@code shopId} null: every shop's invoices. */
  /** A page of invoices; {@code shopId}, {@code workOrderId}: null for any. */
  public List<Invoice> list(UUID shopId, UUID workOrderId, PageRequest page) {
    return em.createQuery("""
            select i from Invoice i where (:shop is null or i.shopId = :shop)
              and (:workOrder is null or i.workOrderId = :workOrder) and (:after is null or i.id > :after)
            order by i.id""", Invoice.class)
        .setParameter("shop", shopId).setParameter("workOrder", workOrderId).setParameter("after", page.after())
        .setMaxResults(page.limit() + 1).getResultList();
  }

  /** The invoices of a filter, issued between two instants ({@code null}: open), a page at a time by id. */
  public List<Invoice> list(InvoiceFilter filter, Instant from, Instant to, PageRequest page) {
    return list(filter, from, to, page.after(), page.limit() + 1);
  }

  /** At most {@code max} invoices of a filter after the id {@code after} (null: from the first). */
  public List<Invoice> list(InvoiceFilter filter, Instant from, Instant to, UUID after, int max) {
    // only the conditions given: a null parameter of a typed comparison is not portable across Hibernate versions
    StringBuilder where = new StringBuilder("select i from Invoice i where 1 = 1");
    java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
    condition(where, parameters, "i.shopId = :shop", "shop", filter.shopId());
    condition(where, parameters, "i.status = :status", "status", filter.status());
    condition(where, parameters, "i.customerId = :customer", "customer", filter.customerId());
    condition(where, parameters, "i.workOrderId = :workOrder", "workOrder", filter.workOrderId());
    condition(where, parameters, "i.issuedAt >= :from", "from", from);
    condition(where, parameters, "i.issuedAt < :to", "to", to);
    condition(where, parameters, "i.id > :after", "after", after);
    var query = em.createQuery(where.append(" order by i.id").toString(), Invoice.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(max).getResultList();
  }

  private static void condition(StringBuilder where, java.util.Map<String, Object> parameters, String clause,
                                String name, Object value) {
    if (value != null) {
      where.append(" and ").append(clause);
      parameters.put(name, value);
    }
  }

  /** Every payment taken between two instants (the accountant's export; shop null: every shop), oldest first. */
  public List<Payment> paymentsBetween(UUID shopId, Instant from, Instant to, int max) {
    var query = em.createQuery("select p from Payment p, Invoice i where i.id = p.invoiceId"
            + (shopId == null ? "" : " and i.shopId = :shop")
            + " and p.createdAt >= :from and p.createdAt < :to order by p.createdAt, p.id", Payment.class)
        .setParameter("from", from).setParameter("to", to);
    if (shopId != null) {
      query.setParameter("shop", shopId);
    }
    return query.setMaxResults(max).getResultList();
  }

  /** Every credit note issued between two instants (shop null: every shop), oldest first. */
  public List<CreditNote> creditNotesBetween(UUID shopId, Instant from, Instant to, int max) {
    var query = em.createQuery("select c from CreditNote c where c.issuedAt >= :from and c.issuedAt < :to"
            + (shopId == null ? "" : " and c.shopId = :shop") + " order by c.issuedAt, c.id", CreditNote.class)
        .setParameter("from", from).setParameter("to", to);
    if (shopId != null) {
      query.setParameter("shop", shopId);
    }
    return query.setMaxResults(max).getResultList();
  }

  public List<Payment> payments(UUID invoiceId) {
    return em.createQuery("select p from Payment p where p.invoiceId = :invoice order by p.createdAt, p.id",
        Payment.class).setParameter("invoice", invoiceId).getResultList();
  }

  public void add(Invoice invoice) {
    em.persist(invoice);
    em.flush();
  }

  public void add(Payment payment) {
    em.persist(payment);
    em.flush();
  }
}
