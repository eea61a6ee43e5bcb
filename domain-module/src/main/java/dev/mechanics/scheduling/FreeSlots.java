package dev.mechanics.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The free-slot search as a pure rule: for each open day of the range, each bay and each start on the step grid
 * from opening time, the (bay, start) pairs where {@code duration} fits before closing and overlaps no busy
 * period of the bay (nor, when one is asked for, of the technician). Busy periods are half-open, like the
 * database's {@code tstzrange}: an appointment ending at 10:00 leaves 10:00 free.
 */
public final class FreeSlots {

  /** A bay free for the whole duration from {@code start}. */
  public record Slot(UUID bayId, Instant start) {
  }

  /** A booked period. */
  public record Busy(Instant start, Instant end) {
  }

  private FreeSlots() {
  }

  /**
   * @param busyByBay  each bay's booked periods (bays without any map to an empty list)
   * @param technician the technician's booked periods, or empty when no technician is asked for
   * @param limit      at most this many slots, earliest first day by day
   */
  public static List<Slot> search(ShopCalendar calendar, List<UUID> bays, Map<UUID, List<Busy>> busyByBay,
                                  List<Busy> technician, LocalDate from, LocalDate to, Duration duration,
                                  Duration step, int limit) {
    Map<UUID, Busy[]> sorted = new java.util.HashMap<>();
    for (UUID bay : bays) {
      sorted.put(bay, sortedArray(busyByBay.getOrDefault(bay, List.of())));
    }
    Busy[] tech = sortedArray(technician);
    List<Slot> slots = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      ShopCalendar.Window open = calendar.openOn(day).orElse(null);
      if (open == null) {
        continue;
      }
      for (Instant start = open.opens(); !start.plus(duration).isAfter(open.closes()); start = start.plus(step)) {
        Instant end = start.plus(duration);
        if (overlaps(tech, start, end)) {
          continue;
        }
        for (UUID bay : bays) {
          if (!overlaps(sorted.get(bay), start, end)) {
            slots.add(new Slot(bay, start));
            if (slots.size() >= limit) {
              return slots;
            }
          }
        }
      }
    }
    return slots;
  }

  private static Busy[] sortedArray(List<Busy> busy) {
    Busy[] array = busy.toArray(Busy[]::new);
    Arrays.sort(array, Comparator.comparing(Busy::start));
    return array;
  }

  /**
   * Binary search for the last period starting before {@code end}. The database keeps the periods of one bay
   * (and of one technician) from overlapping, so sorted by start they are sorted by end too: only that one can
   * reach past {@code start}.
   */
  static boolean overlaps(Busy[] busy, Instant start, Instant end) {
    int lo = 0;
    int hi = busy.length - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (busy[mid].start().isBefore(end)) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && busy[last].end().isAfter(start);
  }
}
