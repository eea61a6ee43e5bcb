package dev.mechanics.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Invoice and credit-note numbers: per shop and calendar year, the year taken where the shop is. */
class DocumentNumberTest {

  @Test
  void numbersNameTheirKindYearAndSequence() {
    assertThat(new DocumentNumber("INV", 2026, 45)).hasToString("INV-2026-000045");
    assertThat(new DocumentNumber("CN", 2027, 1)).hasToString("CN-2027-000001");
  }

  @Test
  void theYearIsTheShopsNotUtcs() {
    Instant newYearInLondon = Instant.parse("2027-01-01T02:30:00Z");
    assertThat(DocumentNumber.yearAt(newYearInLondon, ZoneId.of("America/Chicago"))).isEqualTo(2026);
    assertThat(DocumentNumber.yearAt(newYearInLondon, ZoneId.of("Europe/London"))).isEqualTo(2027);
  }
}
