package dev.mechanics.billing;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A correction of an issued invoice: its own gapless number (CN-2026-000001 per shop and year), what it
 * credits (lines of the invoice, fully or partly, or an amount spread over them) and the tax on that, computed
 * with the invoice's frozen tax rules. Like an invoice it never changes once issued.
 */
@Entity
@Table(name = "credit_notes")
public class CreditNote extends BilledDocument implements IdempotentRequests.Keyed {

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private UUID invoiceId;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private UUID issuedBy;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
  private String requestHash;

  protected CreditNote() {
  }

  CreditNote(Invoice invoice, DocumentNumber number, String reason, InvoiceDocument document, Money subtotal,
             Money taxTotal, UUID issuedBy, String idempotencyKey, String requestHash) {
    super(invoice.getOrganizationId(), invoice.getShopId(), number, subtotal, taxTotal, document);
    this.invoiceId = invoice.getId();
    this.reason = reason;
    this.issuedBy = issuedBy;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  public UUID getInvoiceId() {
    return invoiceId;
  }

  public String getReason() {
    return reason;
  }

  public UUID getIssuedBy() {
    return issuedBy;
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }
}
