package dev.mechanics.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRequestTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aDayIsCutAtMidnightInTheReportsZoneAndDefaultsToYesterday() {
    // 2026-11-26 03:00 UTC is still the 25th in New York
    ReportRequest r = ReportRequest.of(Map.of(), NEW_YORK, Instant.parse("2026-11-26T03:00:00Z"));
    assertThat(r.period()).isEqualTo(ReportRequest.Period.DAY);
    assertThat(r.start()).isEqualTo(LocalDate.parse("2026-11-24"));
    assertThat(r.from()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    assertThat(r.to()).isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
    assertThat(r.label()).isEqualTo("2026-11-24");
  }

  @Test
  void theDaylightSavingDaysAreTwentyThreeAndTwentyFiveHoursLong() {
    ReportRequest spring = ReportRequest.of(Map.of("date", "2026-03-08"), NEW_YORK, Instant.now());
    assertThat(java.time.Duration.between(spring.from(), spring.to()).toHours()).isEqualTo(23);
    ReportRequest fall = ReportRequest.of(Map.of("date", "2026-11-01"), NEW_YORK, Instant.now());
    assertThat(java.time.Duration.between(fall.from(), fall.to()).toHours()).isEqualTo(25);
  }

  @Test
  void aMonthIsNamedOrDefaultsToLastMonth() {
    ReportRequest named = ReportRequest.of(Map.of("period", "month", "month", "2026-02", "timeZone", "UTC"),
        NEW_YORK, Instant.now());
    assertThat(named.start()).isEqualTo(LocalDate.parse("2026-02-01"));
    assertThat(named.endExclusive()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(named.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(named.label()).isEqualTo("2026-02");
    ReportRequest last = ReportRequest.of(Map.of("period", "MONTH"), NEW_YORK, Instant.parse("2026-01-15T12:00:00Z"));
    assertThat(last.start()).isEqualTo(LocalDate.parse("2025-12-01"));
    ReportRequest byDate = ReportRequest.of(Map.of("period", "month", "date", "2026-07-19"), NEW_YORK, Instant.now());
    assertThat(byDate.start()).isEqualTo(LocalDate.parse("2026-07-01"));
  }

  @Test
  void recipientsAreTrimmedAndDeduplicated() {
    ReportRequest r = ReportRequest.of(Map.of("recipients", " a@example.com,b@example.com, a@example.com ,"),
        NEW_YORK, Instant.now());
    assertThat(r.recipients()).isEqualTo(List.of("a@example.com", "b@example.com"));
  }

  @Test
  void badParametersAreInvalidInput() {
    assertThatThrownBy(() -> ReportRequest.check(Map.of("period", "week"))).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> ReportRequest.check(Map.of("date", "2026-02-30"))).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> ReportRequest.check(Map.of("period", "month", "month", "2026-13")))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> ReportRequest.check(Map.of("timeZone", "Mars/Base"))).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> ReportRequest.check(Map.of("recipients", "boss"))).isInstanceOf(DomainException.InvalidInput.class);
  }
}
