package dev.mechanics.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** A scheduler polling every minute with a fixed clock that is moved forward: every fire time it claims. */
  private static List<Instant> firesBetween(CronSchedule schedule, Instant from, Instant to) {
    List<Instant> fired = new ArrayList<>();
    Instant next = schedule.nextAfter(from);
    for (Clock clock = Clock.fixed(from, ZoneOffset.UTC); !clock.instant().isAfter(to);
         clock = Clock.offset(clock, Duration.ofMinutes(1))) {
      Instant now = clock.instant();
      if (!next.isAfter(now)) {
        fired.add(now);
        next = schedule.nextAfter(now);
      }
    }
    return fired;
  }

  private static Map<LocalDate, Integer> perLocalDay(List<Instant> fires, ZoneId zone) {
    Map<LocalDate, Integer> days = new TreeMap<>();
    fires.forEach(f -> days.merge(f.atZone(zone).toLocalDate(), 1, Integer::sum));
    return days;
  }

  @Test
  void aDailyRunInsideTheSpringForwardGapRunsOnceThatDay() {
    CronSchedule daily = CronSchedule.parse("30 2 * * *", "America/New_York");
    // 2026-03-08 02:00 EST -> 03:00 EDT: 02:30 does not exist
    List<Instant> fires = firesBetween(daily, Instant.parse("2026-03-06T12:00:00Z"), Instant.parse("2026-03-11T12:00:00Z"));
    assertThat(perLocalDay(fires, NEW_YORK)).containsExactly(
        Map.entry(LocalDate.of(2026, 3, 7), 1), Map.entry(LocalDate.of(2026, 3, 8), 1),
        Map.entry(LocalDate.of(2026, 3, 9), 1), Map.entry(LocalDate.of(2026, 3, 10), 1),
        Map.entry(LocalDate.of(2026, 3, 11), 1));
    assertThat(fires.get(1).atZone(NEW_YORK).toLocalTime().toString()).isEqualTo("03:30");
    assertThat(fires.get(2).atZone(NEW_YORK).toLocalTime().toString()).isEqualTo("02:30");
  }

  @Test
  void aDailyRunInsideTheRepeatedFallBackHourRunsOnceThatDay() {
    CronSchedule daily = CronSchedule.parse("30 1 * * *", "America/New_York");
    // 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice
    List<Instant> fires = firesBetween(daily, Instant.parse("2026-10-30T12:00:00Z"), Instant.parse("2026-11-03T12:00:00Z"));
    assertThat(perLocalDay(fires, NEW_YORK).values()).containsOnly(1);
    assertThat(perLocalDay(fires, NEW_YORK)).containsKey(LocalDate.of(2026, 11, 1)).hasSize(4);
  }

  @Test
  void theDefaultTwoOClockBackupFiresDailyAcrossBothTransitionsInEurope() {
    CronSchedule daily = CronSchedule.parse("0 2 * * *", "Europe/Berlin");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<Instant> spring = firesBetween(daily, Instant.parse("2026-03-27T12:00:00Z"), Instant.parse("2026-03-31T12:00:00Z"));
    List<Instant> autumn = firesBetween(daily, Instant.parse("2026-10-23T12:00:00Z"), Instant.parse("2026-10-27T12:00:00Z"));
    assertThat(perLocalDay(spring, berlin)).hasSize(4).allSatisfy((day, count) -> assertThat(count).isEqualTo(1));
    assertThat(perLocalDay(autumn, berlin)).hasSize(4).allSatisfy((day, count) -> assertThat(count).isEqualTo(1));
  }

  @Test
  void aMissedFireTimeLeadsToOneRunAndThenTheNextRegularTime() {
    CronSchedule daily = CronSchedule.parse("0 2 * * *", "UTC");
    Instant missedSince = Instant.parse("2026-05-01T02:00:00Z");
    Instant serverBack = Instant.parse("2026-05-04T09:00:00Z");
    // the stored next_fire_at is long past: due once, and the next one is computed from now
    assertThat(missedSince).isBefore(serverBack);
    assertThat(daily.nextAfter(serverBack)).isEqualTo(Instant.parse("2026-05-05T02:00:00Z"));
  }

  @Test
  void badExpressionsAndZonesAreInvalidInput() {
    assertThatThrownBy(() -> CronSchedule.parse("61 2 * * *", "UTC")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * * *", "Mars/Base")).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> CronSchedule.parse("", "UTC")).isInstanceOf(DomainException.InvalidInput.class);
  }
}
