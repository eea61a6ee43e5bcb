package dev.mechanics.billing;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** Money received for an invoice (positive) or given back (negative, a refund), under an idempotency key. */
@Entity
@Table(name = "payments")
public class Payment extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private UUID invoiceId;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private PaymentMethod method;

  @Column(updatable = false, length = 100)
  private String reference;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
  private String requestHash;

  @Column(name = "received_by", nullable = false, updatable = false)
  private UUID receivedBy;

  protected Payment() {
  }

  Payment(Invoice invoice, Money amount, PaymentMethod method, String reference, String idempotencyKey,
          String requestHash, UUID receivedBy) {
    super(invoice.getOrganizationId());
    this.invoiceId = invoice.getId();
    this.amount = amount.amount();
    this.method = method;
    this.reference = reference;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.receivedBy = receivedBy;
  }

  public UUID getInvoiceId() {
    return invoiceId;
  }

  public Money getAmount() {
    return new Money(amount);
  }

  public PaymentMethod getMethod() {
    return method;
  }

  public String getReference() {
    return reference;
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }

  public UUID getReceivedBy() {
    return receivedBy;
  }
}
