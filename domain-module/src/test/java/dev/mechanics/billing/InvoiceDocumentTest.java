package dev.mechanics.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frozen text of an invoice keeps a warranty line as warranty; older texts (no such field) read as charged. */
class InvoiceDocumentTest {

  @Test
  void aWarrantyLineSurvivesTheFrozenTextAndOlderTextsReadAsCharged() {
    InvoiceDocument.Line warranty = new InvoiceDocument.Line("LABOR", "Redo pads", new BigDecimal("1.5"),
        Money.of("100.00"), Money.of("0.00"), true, 0, null, null, null, true);
    InvoiceDocument.Line charged = new InvoiceDocument.Line("FEE", "Supplies", BigDecimal.ONE, Money.of("10.00"),
        Money.of("10.00"), false, 1);
    InvoiceDocument read = InvoiceDocument.decode(
        new InvoiceDocument("WO-000002", List.of(warranty, charged), List.of(), List.of()).encode());
    assertThat(read.lines()).extracting(InvoiceDocument.Line::warranty).containsExactly(true, false);
    assertThat(read.lines().get(0).amount()).isEqualTo(Money.of("0.00"));
    assertThat(read.lines().get(0).unitPrice()).isEqualTo(Money.of("100.00"));
    assertThat(read.lines().get(0).credited(BigDecimal.ONE, Money.of("0.00")).warranty()).isTrue();

    InvoiceDocument older = InvoiceDocument.decode("W\tWO-000001\nL\tLABOR\tPads\t1.5\t100.00\t150.00\ttrue\t0\t\t\t\n");
    assertThat(older.lines().get(0).warranty()).isFalse();
  }
}
