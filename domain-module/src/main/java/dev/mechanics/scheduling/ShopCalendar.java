package dev.mechanics.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A shop's week in its own time zone: opening hours per weekday and the dates it stays closed. Local times
 * become instants through the zone, day by day, so a day on which daylight saving starts or ends opens at its
 * own local time (and is an hour shorter or longer only if the shop's hours span the change).
 */
public record ShopCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> closedDays) {

  /** Local opening and closing time of one weekday. */
  public record Hours(LocalTime opens, LocalTime closes) {
  }

  /** An open period as instants. */
  public record Window(Instant opens, Instant closes) {
  }

  /** When the shop is open on {@code day}, or empty on a closed day or a weekday without hours. */
  public Optional<Window> openOn(LocalDate day) {
    Hours hours = week.get(day.getDayOfWeek());
    if (hours == null || closedDays.contains(day)) {
      return Optional.empty();
    }
    // ZonedDateTime.of moves a local time inside a spring-forward gap to after it, never before
    return Optional.of(new Window(ZonedDateTime.of(day, hours.opens(), zone).toInstant(),
        ZonedDateTime.of(day, hours.closes(), zone).toInstant()));
  }

  /** True when {@code [start, end)} lies inside the opening hours of the local day it starts on. */
  public boolean covers(Instant start, Instant end) {
    LocalDate day = start.atZone(zone).toLocalDate();
    return openOn(day).map(w -> !start.isBefore(w.opens()) && !end.isAfter(w.closes())).orElse(false);
  }
}
