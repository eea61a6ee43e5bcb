package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * An issued invoice. What it bills (number, lines, taxes, total) never changes after issue; only payments move
 * its amount paid and credit notes its amount credited, and with them the balance and the status, in the same
 * statement.
 *
 * <p>The balance rule: amount due = total - credited; balance = amount due - paid. A positive balance is the
 * {@code balanceDue} (status OPEN); a negative one is a {@code refundDue}: the customer paid for something that
 * was credited afterwards, and refunds up to it (and beyond, up to what was paid, as before credit notes) are
 * allowed. Nothing due and nothing owed back is PAID, or VOID when the whole invoice was credited and nothing
 * remains paid.
 */
@Entity
@Table(name = "invoices")
public class Invoice extends BilledDocument {

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private UUID customerId;

  @Column(name = "amount_paid", nullable = false, precision = 14, scale = 2)
  private BigDecimal amountPaid;

  @Column(name = "amount_credited", nullable = false, precision = 14, scale = 2)
  private BigDecimal amountCredited;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private InvoiceStatus status;

  protected Invoice() {
  }

  Invoice(WorkOrder workOrder, DocumentNumber number, Totals totals, InvoiceDocument document) {
    super(workOrder.getOrganizationId(), workOrder.getShopId(), number, totals.subtotal(), totals.taxTotal(),
        document);
    this.workOrderId = workOrder.getId();
    this.customerId = workOrder.getCustomerId();
    this.amountPaid = BigDecimal.ZERO.setScale(2);
    this.amountCredited = BigDecimal.ZERO.setScale(2);
    this.status = settledStatus();
  }

  /** Applies a payment (positive) or refund (negative); the balance can neither go below zero nor above total. */
  void apply(Money amount) {
    if (status == InvoiceStatus.VOID) {
      throw new DomainException.Conflict("Invoice " + getNumber() + " is void");
    }
    Money paid = getAmountPaid().plus(amount);
    if (!amount.isNegative() && paid.compareTo(getAmountDue()) > 0) {
      throw DomainException.InvalidInput.field("amount", "is more than the balance due (" + getBalanceDue() + ")");
    }
    if (amount.isNegative() && paid.isNegative()) {
      throw DomainException.InvalidInput.field("amount", "refunds more than was paid (" + getAmountPaid() + ")");
    }
    this.amountPaid = paid.amount();
    this.status = settledStatus();
  }

  /** Books a credit note's total; the caller has checked that it is within what is left to credit. */
  void credit(Money creditTotal) {
    if (creditTotal.isNegative() || creditTotal.isZero() || creditTotal.compareTo(getCreditable()) > 0) {
      throw new IllegalStateException("credit of " + creditTotal + " beyond what was invoiced");
    }
    this.amountCredited = getAmountCredited().plus(creditTotal).amount();
    this.status = settledStatus();
  }

  private InvoiceStatus settledStatus() {
    Money balance = getBalance();
    if (balance.compareTo(Money.ZERO) > 0) {
      return InvoiceStatus.OPEN;
    }
    boolean fullyCredited = !getAmountCredited().isZero() && getAmountDue().isZero();
    return fullyCredited && getAmountPaid().isZero() ? InvoiceStatus.VOID : InvoiceStatus.PAID;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public UUID getCustomerId() {
    return customerId;
  }

  public Money getAmountPaid() {
    return new Money(amountPaid);
  }

  public Money getAmountCredited() {
    return new Money(amountCredited);
  }

  /** What may still be credited: the total (never below zero) minus the credit notes issued so far. */
  public Money getCreditable() {
    Money total = getTotal().isNegative() ? Money.ZERO : getTotal();
    return total.minus(getAmountCredited());
  }

  /** What the customer owes in all after credit notes: total - credited. */
  public Money getAmountDue() {
    return getTotal().minus(getAmountCredited());
  }

  /** Amount due - paid: positive while the customer owes, negative when the shop owes a refund. */
  Money getBalance() {
    return getAmountDue().minus(getAmountPaid());
  }

  /** What the customer still has to pay (never negative). */
  public Money getBalanceDue() {
    Money balance = getBalance();
    return balance.isNegative() ? Money.ZERO : balance;
  }

  /** What the shop owes the customer back after a credit note on paid work (never negative). */
  public Money getRefundDue() {
    Money balance = getBalance();
    return balance.isNegative() ? balance.negate() : Money.ZERO;
  }

  public InvoiceStatus getStatus() {
    return status;
  }

}
