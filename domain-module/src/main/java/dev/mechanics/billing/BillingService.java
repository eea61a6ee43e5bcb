package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.workorder.NumberSequences;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invoicing a repair order and taking payments against the invoice. */
@ApplicationScoped
@Transactional
public class BillingService {

  @Inject
  WorkOrders workOrders;

  @Inject
  NumberSequences numbers;

  @Inject
  Shops shops;

  @Inject
  dev.mechanics.audit.AuditTrail audit;

  @Inject
  Event<PaymentRecorded> paymentRecorded;

  @Inject
  IdempotentRequests idempotent;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** Fired when a payment or refund is recorded (not on an idempotent replay). */
  public record PaymentRecorded(UUID organizationId, UUID shopId, boolean refund) {
  }

  /** A payment and the invoice after it; {@code replayed} when the key had already been used. */
  public record PaymentResult(Payment payment, Invoice invoice, boolean replayed) {
  }

  /**
   * Issues the invoice of a repair order: the work order is locked, so it is invoiced once, and the number is
   * allocated in this transaction (gapless per shop and year in the shop's time zone).
   */
  public Invoice invoice(Caller caller, UUID workOrderId) {
    UUID shopId = workOrders.shopOf(workOrderId)
        .orElseThrow(() -> new DomainException.NotFound("work order", workOrderId));
    caller.requireIn(Capability.MANAGE_MONEY, shopId, "invoice its work");
    WorkOrder workOrder = workOrders.findForUpdate(workOrderId)
        .orElseThrow(() -> new DomainException.NotFound("work order", workOrderId));
    workOrder.markInvoiced();
    List<dev.mechanics.workorder.TaxRule> rules = workOrders.taxRules(workOrder.getShopId());
    Totals totals = Totals.of(workOrder.getLines(), rules);
    ZoneId zone = shops.find(workOrder.getShopId()).map(s -> ZoneId.of(s.getTimeZone())).orElse(ZoneId.of("UTC"));
    int year = Instant.now().atZone(zone).getYear();
    long sequence = numbers.next(Tenancy.current(), workOrder.getShopId(), NumberSequences.INVOICE, year);
    Invoice invoice = new Invoice(workOrder, year, sequence, totals, InvoiceDocument.of(workOrder, totals, rules));
    em.persist(invoice);
    em.flush();
    audit.record("invoice.issued", "invoice", invoice.getId(), invoice.getShopId(), null,
        java.util.Map.of("number", invoice.getNumber(), "workOrderId", workOrderId.toString(),
            "total", invoice.getTotal().toString()));
    return invoice;
  }

  public Invoice get(UUID id) {
    return em.createQuery("select i from Invoice i where i.id = :id", Invoice.class).setParameter("id", id)
        .getResultStream().findFirst().orElseThrow(() -> new DomainException.NotFound("invoice", id));
  }

  public dev.mechanics.tenancy.Shop shopOf(Invoice invoice) {
    return shops.find(invoice.getShopId()).orElseThrow(() -> new DomainException.NotFound("shop",
        invoice.getShopId()));
  }

  public Page<Invoice> list(UUID shopId, PageRequest page) {
    List<Invoice> rows = em.createQuery("""
            select i from Invoice i where (:shop is null or i.shopId = :shop) and (:after is null or i.id > :after)
            order by i.id""", Invoice.class)
        .setParameter("shop", shopId).setParameter("after", page.after()).setMaxResults(page.limit() + 1)
        .getResultList();
    return Page.of(rows, page.limit(), Invoice::getId);
  }

  public List<Payment> payments(UUID invoiceId) {
    get(invoiceId);
    return em.createQuery("select p from Payment p where p.invoiceId = :invoice order by p.createdAt, p.id", Payment.class)
        .setParameter("invoice", invoiceId).getResultList();
  }

  /**
   * Records a payment (positive amount) or refund (negative) exactly once per idempotency key. The invoice row
   * is locked first, so concurrent requests with one key queue and all but the first find its payment.
   */
  public PaymentResult pay(Caller caller, UUID invoiceId, Money amount, PaymentMethod method, String reference,
                           String idempotencyKeyHeader) {
    requireMoneyOf(caller, invoiceId, "take its payments");
    String idempotencyKey = IdempotentRequests.requireKey(idempotencyKeyHeader, "payments");
    UUID by = caller.userId();
    String hash = IdempotentRequests.hash(invoiceId + "|" + amount + "|" + method + "|"
        + (reference == null ? "" : reference));
    Invoice invoice = lockInvoice(invoiceId);
    Optional<Payment> earlier = idempotent.earlier(Payment.class, idempotencyKey, hash, "payment");
    if (earlier.isPresent()) {
      return new PaymentResult(earlier.get(), invoice, true);
    }
    if (amount.isZero()) {
      throw DomainException.InvalidInput.field("amount", "must not be zero");
    }
    Money balanceBefore = invoice.getBalanceDue();
    invoice.apply(amount);
    Payment payment = new Payment(invoice, amount, method, reference, idempotencyKey, hash, by);
    em.persist(payment);
    em.flush();
    audit.record(amount.isNegative() ? "payment.refunded" : "payment.recorded", "invoice", invoice.getId(),
        invoice.getShopId(), java.util.Map.of("balanceDue", balanceBefore.toString()),
        java.util.Map.of("amount", amount.toString(), "method", method.name(), "paymentId", payment.getId().toString(),
            "balanceDue", invoice.getBalanceDue().toString()));
    paymentRecorded.fire(new PaymentRecorded(invoice.getOrganizationId(), invoice.getShopId(), amount.isNegative()));
    return new PaymentResult(payment, invoice, false);
  }

  /** 404 for an unknown invoice, 403 unless the caller manages money in the invoice's shop. */
  void requireMoneyOf(Caller caller, UUID invoiceId, String action) {
    UUID shopId = em.createQuery("select i.shopId from Invoice i where i.id = :id", UUID.class)
        .setParameter("id", invoiceId).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("invoice", invoiceId));
    caller.requireIn(Capability.MANAGE_MONEY, shopId, action);
  }

  /**
   * The invoice, row-locked until the transaction ends: payments and credit notes of one invoice queue here, so
   * balance checks and idempotency look-ups see every earlier one.
   */
  public Invoice lockInvoice(UUID invoiceId) {
    return em.createQuery("select i from Invoice i where i.id = :id", Invoice.class)
        .setParameter("id", invoiceId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
        .orElseThrow(() -> new DomainException.NotFound("invoice", invoiceId));
  }
}
