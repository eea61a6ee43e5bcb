package dev.mechanics.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final UUID BAY = UUID.randomUUID();

  private static ShopCalendar calendar(LocalTime opens, LocalTime closes, Set<LocalDate> closed) {
    Map<DayOfWeek, ShopCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, new ShopCalendar.Hours(opens, closes));
    }
    return new ShopCalendar(BERLIN, week, closed);
  }

  private static List<Instant> starts(ShopCalendar calendar, LocalDate day, List<FreeSlots.Busy> busy) {
    return FreeSlots.search(calendar, List.of(BAY), Map.of(BAY, busy), List.of(), day, day, Duration.ofHours(1),
        Duration.ofHours(1), 1000).stream().map(FreeSlots.Slot::start).toList();
  }

  @Test
  void theDaysDaylightSavingStartsAndEndsHaveTheirOwnLengthWhenTheHoursSpanTheChange() {
    ShopCalendar night = calendar(LocalTime.of(0, 0), LocalTime.of(6, 0), Set.of());
    // Berlin springs forward on 2026-03-29 (02:00 -> 03:00): 00:00-06:00 is five hours
    assertThat(starts(night, LocalDate.of(2026, 3, 29), List.of())).hasSize(5)
        .startsWith(Instant.parse("2026-03-28T23:00:00Z")).endsWith(Instant.parse("2026-03-29T03:00:00Z"));
    // and falls back on 2026-10-25 (03:00 -> 02:00): seven hours
    assertThat(starts(night, LocalDate.of(2026, 10, 25), List.of())).hasSize(7)
        .startsWith(Instant.parse("2026-10-24T22:00:00Z")).endsWith(Instant.parse("2026-10-25T04:00:00Z"));
  }

  @Test
  void dayHoursOpenAtTheSameLocalTimeOnBothSidesOfTheChange() {
    ShopCalendar day = calendar(LocalTime.of(8, 0), LocalTime.of(10, 0), Set.of());
    assertThat(starts(day, LocalDate.of(2026, 3, 28), List.of()))
        .containsExactly(Instant.parse("2026-03-28T07:00:00Z"), Instant.parse("2026-03-28T08:00:00Z"));
    assertThat(starts(day, LocalDate.of(2026, 3, 29), List.of()))
        .containsExactly(Instant.parse("2026-03-29T06:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"));
  }

  @Test
  void bookingsAreHalfOpenAndClosedDaysHaveNoSlots() {
    LocalDate monday = LocalDate.of(2026, 12, 7);
    ShopCalendar day = calendar(LocalTime.of(8, 0), LocalTime.of(12, 0), Set.of(LocalDate.of(2026, 12, 8)));
    Instant nine = Instant.parse("2026-12-07T08:00:00Z");
    List<FreeSlots.Busy> busy = List.of(new FreeSlots.Busy(nine, nine.plus(Duration.ofMinutes(90))));
    assertThat(starts(day, monday, busy)).containsExactly(Instant.parse("2026-12-07T07:00:00Z"),
        Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(starts(day, monday.plusDays(1), List.of())).isEmpty();
  }

  @Test
  void aBusyTechnicianBlocksEveryBay() {
    LocalDate monday = LocalDate.of(2026, 12, 7);
    ShopCalendar day = calendar(LocalTime.of(8, 0), LocalTime.of(10, 0), Set.of());
    UUID other = UUID.randomUUID();
    Instant seven = Instant.parse("2026-12-07T07:00:00Z");
    List<FreeSlots.Slot> slots = FreeSlots.search(day, List.of(BAY, other), Map.of(), List.of(
        new FreeSlots.Busy(seven, seven.plus(Duration.ofHours(1)))), monday, monday, Duration.ofHours(1),
        Duration.ofMinutes(30), 100);
    assertThat(slots).extracting(FreeSlots.Slot::start).containsOnly(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(slots).hasSize(2);
  }

  @Test
  void aBookingEndingAFractionOfAMillisecondIntoASlotStillTakesIt() {
    LocalDate monday = LocalDate.of(2026, 12, 7);
    ShopCalendar day = calendar(LocalTime.of(8, 0), LocalTime.of(10, 0), Set.of());
    Instant eight = Instant.parse("2026-12-07T07:00:00Z");
    // ends 0.5 ms after nine: the 09:00 slot overlaps it; rounding the end down would free it
    List<FreeSlots.Busy> busy = List.of(new FreeSlots.Busy(eight,
        eight.plus(Duration.ofMinutes(60)).plusNanos(500_000)));
    assertThat(starts(day, monday, busy)).isEmpty();
  }

  @Test
  void theSearchOverMillisecondsGivesTheSameSlotsAsOverBookings() {
    LocalDate monday = LocalDate.of(2026, 12, 7);
    ShopCalendar day = calendar(LocalTime.of(7, 0), LocalTime.of(19, 0), Set.of(LocalDate.of(2026, 12, 9)));
    UUID other = UUID.randomUUID();
    Instant seven = Instant.parse("2026-12-07T06:00:00Z");
    List<FreeSlots.Busy> first = List.of(new FreeSlots.Busy(seven.plus(Duration.ofHours(2)),
        seven.plus(Duration.ofHours(3))), new FreeSlots.Busy(seven, seven.plus(Duration.ofMinutes(45))));
    List<FreeSlots.Busy> second = List.of(new FreeSlots.Busy(seven.plus(Duration.ofMinutes(30)),
        seven.plus(Duration.ofHours(26))));
    List<FreeSlots.Slot> slots = FreeSlots.searchMillis(day, List.of(BAY, other),
        Map.of(BAY, FreeSlots.periods(first), other, FreeSlots.periods(second)), FreeSlots.periods(List.of()), monday,
        monday.plusDays(3), Duration.ofHours(1), Duration.ofMinutes(30), 1000);
    assertThat(slots).isEqualTo(FreeSlots.search(day, List.of(BAY, other), Map.of(BAY, first, other, second),
        List.of(), monday, monday.plusDays(3), Duration.ofHours(1), Duration.ofMinutes(30), 1000));
    // Berlin, local 07:00 = 06:00Z. Monday: BAY is taken 07:00-07:45 and 09:00-10:00 local, the other bay from
    // 07:30 local to Tuesday 09:00 local; Wednesday is closed
    assertThat(slots.get(0)).isEqualTo(new FreeSlots.Slot(BAY, Instant.parse("2026-12-07T07:00:00Z")));
    assertThat(slots).filteredOn(s -> s.start().isBefore(Instant.parse("2026-12-08T00:00:00Z")))
        .extracting(FreeSlots.Slot::bayId).containsOnly(BAY);
    assertThat(slots).contains(new FreeSlots.Slot(other, Instant.parse("2026-12-08T08:00:00Z")))
        .doesNotContain(new FreeSlots.Slot(other, Instant.parse("2026-12-08T07:30:00Z")));
    assertThat(slots).extracting(FreeSlots.Slot::start).noneMatch(s -> s.toString().startsWith("2026-12-09"));
  }
}
