package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An issued invoice. What it bills (number, lines, taxes, total) never changes after issue; only payments move
 * its amount paid, and with it the balance due and the status, in the same statement.
 */
@Entity
@Table(name = "invoices")
public class Invoice extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(nullable = false, updatable = false, length = 24)
  private String number;

  @Column(nullable = false, updatable = false)
  private int year;

  @Column(nullable = false, updatable = false)
  private long sequence;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private UUID customerId;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal taxTotal;

  @Column(nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal total;

  @Column(name = "amount_paid", nullable = false, precision = 14, scale = 2)
  private BigDecimal amountPaid;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private InvoiceStatus status;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(nullable = false, updatable = false, columnDefinition = "text")
  private String document;

  protected Invoice() {
  }

  Invoice(WorkOrder workOrder, int year, long sequence, Totals totals) {
    super(workOrder.getOrganizationId());
    this.shopId = workOrder.getShopId();
    this.workOrderId = workOrder.getId();
    this.year = year;
    this.sequence = sequence;
    this.number = "INV-%d-%06d".formatted(year, sequence);
    this.customerId = workOrder.getCustomerId();
    this.subtotal = totals.subtotal().amount();
    this.taxTotal = totals.taxTotal().amount();
    this.total = totals.total().amount();
    this.amountPaid = BigDecimal.ZERO.setScale(2);
    this.issuedAt = Instant.now();
    this.document = InvoiceDocument.of(workOrder, totals).encode();
    this.status = settledStatus();
  }

  /** Applies a payment (positive) or refund (negative); the balance can neither go below zero nor above total. */
  void apply(Money amount) {
    if (status == InvoiceStatus.VOID) {
      throw new DomainException.Conflict("Invoice " + number + " is void");
    }
    Money paid = getAmountPaid().plus(amount);
    if (!amount.isNegative() && paid.compareTo(getTotal()) > 0) {
      throw DomainException.InvalidInput.field("amount", "is more than the balance due (" + getBalanceDue() + ")");
    }
    if (amount.isNegative() && paid.isNegative()) {
      throw DomainException.InvalidInput.field("amount", "refunds more than was paid (" + getAmountPaid() + ")");
    }
    this.amountPaid = paid.amount();
    this.status = settledStatus();
  }

  private InvoiceStatus settledStatus() {
    return getBalanceDue().isZero() || getBalanceDue().isNegative() ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public String getNumber() {
    return number;
  }

  public int getYear() {
    return year;
  }

  public long getSequence() {
    return sequence;
  }

  public UUID getCustomerId() {
    return customerId;
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

  public Money getAmountPaid() {
    return new Money(amountPaid);
  }

  public Money getBalanceDue() {
    return getTotal().minus(getAmountPaid());
  }

  public InvoiceStatus getStatus() {
    return status;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public InvoiceDocument getDocument() {
    return InvoiceDocument.decode(document);
  }
}
