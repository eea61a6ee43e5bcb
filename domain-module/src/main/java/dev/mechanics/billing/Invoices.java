package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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
