package dev.mechanics.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.workorder.LineDetails;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Balances, refunds and the invoice's status after payments and credit notes. */
class InvoiceBalanceTest {

  /** An invoice of 100.00 (a fee, no tax). */
  private static Invoice invoice() {
    WorkOrder workOrder = new WorkOrder(Ids.newId(), new Id<Shop>(Ids.newId()), "WO-000001",
        new Id<Customer>(Ids.newId()), new Id<Vehicle>(Ids.newId()), "WAITING", Ids.newId());
    workOrder.addLine(new LineDetails(LineType.FEE, "Inspection", null, null, null, null, BigDecimal.ONE, null,
        Money.of("100.00"), false), Money.ZERO);
    Totals totals = Totals.of(workOrder.getLines(), List.of());
    return new Invoice(workOrder, new DocumentNumber("INV", 2026, 1), totals,
        InvoiceDocument.of(workOrder, totals, List.of()));
  }

  @Test
  void paymentsBringTheBalanceDownToPaidAndNeverBelow() {
    Invoice invoice = invoice();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    invoice.apply(Money.of("40.00"));
    assertThat(invoice.getBalanceDue()).isEqualTo(Money.of("60.00"));
    assertThatThrownBy(() -> invoice.apply(Money.of("60.01"))).isInstanceOf(DomainException.InvalidInput.class)
        .hasMessageContaining("balance due (60.00)");
    invoice.apply(Money.of("60.00"));
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.getBalanceDue()).isEqualTo(Money.ZERO);
  }

  @Test
  void aRefundPaysBackAtMostWhatWasPaidAndReopensTheBalance() {
    Invoice invoice = invoice();
    invoice.apply(Money.of("100.00"));
    assertThatThrownBy(() -> invoice.apply(Money.of("-100.01"))).hasMessageContaining("refunds more than was paid");
    invoice.apply(Money.of("-30.00"));
    assertThat(invoice.getAmountPaid()).isEqualTo(Money.of("70.00"));
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aCreditNoteOnPaidWorkBecomesARefundDue() {
    Invoice invoice = invoice();
    invoice.apply(Money.of("100.00"));
    invoice.credit(Money.of("25.00"));
    assertThat(invoice.getRefundDue()).isEqualTo(Money.of("25.00"));
    assertThat(invoice.getBalanceDue()).isEqualTo(Money.ZERO);
    assertThat(invoice.getCreditable()).isEqualTo(Money.of("75.00"));
    invoice.apply(Money.of("-25.00"));
    assertThat(invoice.getRefundDue()).isEqualTo(Money.ZERO);
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void aWhollyCreditedUnpaidInvoiceIsVoidAndTakesNoPayment() {
    Invoice invoice = invoice();
    invoice.credit(Money.of("100.00"));
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.VOID);
    assertThatThrownBy(() -> invoice.apply(Money.of("1.00"))).isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> invoice.credit(Money.of("0.01"))).isInstanceOf(IllegalStateException.class);
  }
}
