package dev.mechanics.billing;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.workorder.WorkOrderChange;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Taking payments and refunds against an invoice, exactly once per Idempotency-Key. */
@ApplicationScoped
@Transactional
public class PaymentService {

  @Inject
  Invoices invoices;

  @Inject
  InvoiceService invoiceService;

  @Inject
  IdempotentRequests idempotent;

  @Inject
  AuditTrail audit;

  @Inject
  WorkOrders workOrders;

  @Inject
  Event<PaymentRecorded> paymentRecorded;

  /** Fired when a payment or refund is recorded (not on an idempotent replay). */
  public record PaymentRecorded(UUID organizationId, UUID shopId, boolean refund) {
  }

  /** A payment and the invoice after it; {@code replayed} when the key had already been used. */
  public record PaymentResult(Payment payment, Invoice invoice, boolean replayed) {
  }

  /** What is paid (positive) or refunded (negative), how, with which reference. */
  public record PaymentOrder(Money amount, PaymentMethod method, String reference) {
  }

  /**
   * Records a payment or refund (owners and the managers of the invoice's shop) exactly once per idempotency
   * key. The invoice row is locked first, so concurrent requests with one key queue and all but the first find
   * its payment.
   */
  public PaymentResult pay(Caller caller, UUID invoiceId, PaymentOrder order, String idempotencyKeyHeader) {
    invoiceService.requireMoneyOf(caller, invoiceId, "take its payments");
    String idempotencyKey = IdempotentRequests.requireKey(idempotencyKeyHeader, "payments");
    Money amount = order.amount();
    String hash = IdempotentRequests.hash(invoiceId + "|" + amount + "|" + order.method() + "|"
        + (order.reference() == null ? "" : order.reference()));
    Invoice invoice = invoices.requireForUpdate(invoiceId);
    Optional<Payment> earlier = idempotent.earlier(Payment.class, idempotencyKey, hash, "payment");
    if (earlier.isPresent()) {
      return new PaymentResult(earlier.get(), invoice, true);
    }
    if (amount.isZero()) {
      throw DomainException.InvalidInput.field("amount", "must not be zero");
    }
    Money balanceBefore = invoice.getBalanceDue();
    invoice.apply(amount);
    Payment payment = new Payment(invoice, amount, order.method(), order.reference(), idempotencyKey, hash,
        caller.userId());
    invoices.add(payment);
    audit.record(amount.isNegative() ? "payment.refunded" : "payment.recorded", "invoice", invoice.getId(),
        invoice.getShopId(), Map.of("balanceDue", balanceBefore.toString()),
        Map.of("amount", amount.toString(), "method", order.method().name(), "paymentId",
            payment.getId().toString(), "balanceDue", invoice.getBalanceDue().toString()));
    workOrders.announce(invoice.getWorkOrderId(), WorkOrderChange.PAYMENT);
    paymentRecorded.fire(new PaymentRecorded(invoice.getOrganizationId(), invoice.getShopId(), amount.isNegative()));
    return new PaymentResult(payment, invoice, false);
  }

  public List<Payment> payments(UUID invoiceId) {
    invoices.require(invoiceId);
    return invoices.payments(invoiceId);
  }
}
