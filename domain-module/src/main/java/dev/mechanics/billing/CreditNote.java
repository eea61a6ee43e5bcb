package dev.mechanics.billing;

import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A correction of an issued invoice: its own gapless number (CN-2026-000001 per shop and year), what it
 * credits (lines of the invoice, fully or partly, or an amount spread over them) and the tax on that, computed
 * with the invoice's frozen tax rules. Like an invoice it never changes once issued.
 */
@Entity
@Table(name = "credit_notes")
public class CreditNote extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private UUID invoiceId;

  @Embedded
  private DocumentNumber number;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal taxTotal;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal total;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private UUID issuedBy;

  @Column(nullable = false, updatable = false, columnDefinition = "text")
  private String document;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
  private String requestHash;

  protected CreditNote() {
  }

  CreditNote(Invoice invoice, DocumentNumber number, String reason, InvoiceDocument document, Money subtotal,
             Money taxTotal, UUID issuedBy, String idempotencyKey, String requestHash) {
    super(invoice.getOrganizationId());
    this.shopId = invoice.getShopId();
    this.invoiceId = invoice.getId();
    this.number = number;
    this.reason = reason;
    this.subtotal = subtotal.amount();
    this.taxTotal = taxTotal.amount();
    this.total = subtotal.plus(taxTotal).amount();
    this.issuedAt = Instant.now();
    this.issuedBy = issuedBy;
    this.document = document.encode();
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getInvoiceId() {
    return invoiceId;
  }

  public String getNumber() {
    return number.toString();
  }

  public String getReason() {
    return reason;
  }

  public Money getSubtotal() {
    return new Money(subtotal);
  }

  public Money getTaxTotal() {
    return new Money(taxTotal);
  }

  public Money getTotal() {
    return new Money(total);
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public UUID getIssuedBy() {
    return issuedBy;
  }

  public InvoiceDocument getDocument() {
    return InvoiceDocument.decode(document);
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }
}
