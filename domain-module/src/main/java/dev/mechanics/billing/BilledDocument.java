package dev.mechanics.billing;

import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What an invoice and a credit note have in common: a shop's numbered document, issued once and never changed,
 * with what it bills frozen ({@link InvoiceDocument}) and its totals.
 */
@MappedSuperclass
public abstract class BilledDocument extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Embedded
  private DocumentNumber number;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal taxTotal;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal total;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(nullable = false, updatable = false, columnDefinition = "text")
  private String document;

  protected BilledDocument() {
  }

  protected BilledDocument(UUID organizationId, UUID shopId, DocumentNumber number, Money subtotal, Money taxTotal,
                           InvoiceDocument document) {
    super(organizationId);
    this.shopId = shopId;
    this.number = number;
    this.subtotal = subtotal.amount();
    this.taxTotal = taxTotal.amount();
    this.total = subtotal.plus(taxTotal).amount();
    this.issuedAt = Instant.now();
    this.document = document.encode();
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getNumber() {
    return number.toString();
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

  public InvoiceDocument getDocument() {
    return InvoiceDocument.decode(document);
  }
}
