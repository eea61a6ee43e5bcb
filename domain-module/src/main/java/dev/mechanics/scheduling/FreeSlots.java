package dev.mechanics.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
    Map<UUID, long[]> millis = new HashMap<>();
    busyByBay.forEach((bay, busy) -> millis.put(bay, periods(busy)));
    return searchMillis(calendar, bays, millis, periods(technician), from, to, duration, step, limit);
  }

  /**
   * The same search over periods as epoch milliseconds, {@code [start0, end0, start1, end1, ...]} sorted by start
   * (what {@link #periods} makes, or a database read ordered by start): no Instant per booking, and every overlap
   * test compares longs.
   */
  public static List<Slot> searchMillis(ShopCalendar calendar, List<UUID> bays, Map<UUID, long[]> busyByBay,
                                        long[] technician, LocalDate from, LocalDate to, Duration duration,
                                        Duration step, int limit) {
    long[][] byBay = new long[bays.size()][];
    for (int b = 0; b < byBay.length; b++) {
      byBay[b] = busyByBay.getOrDefault(bays.get(b), NONE);
    }
    long length = duration.toMillis();
    long stride = step.toMillis();
    List<Slot> slots = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      ShopCalendar.Window open = calendar.openOn(day).orElse(null);
      if (open == null) {
        continue;
      }
      long closes = open.closes().toEpochMilli();
      for (long start = open.opens().toEpochMilli(); start + length <= closes; start += stride) {
        long end = start + length;
        if (overlaps(technician, start, end)) {
          continue;
        }
        Instant at = null;
        for (int b = 0; b < byBay.length; b++) {
          if (!overlaps(byBay[b], start, end)) {
            if (at == null) {
              at = Instant.ofEpochMilli(start);
            }
            slots.add(new Slot(bays.get(b), at));
            if (slots.size() >= limit) {
              return slots;
            }
          }
        }
      }
    }
    return slots;
  }

  private static final long[] NONE = new long[0];

  /** Periods as {@code [start0, end0, ...]} epoch milliseconds, sorted by start. */
  static long[] periods(List<Busy> busy) {
    Busy[] array = busy.toArray(Busy[]::new);
    Arrays.sort(array, Comparator.comparing(Busy::start));
    long[] pairs = new long[array.length * 2];
    for (int i = 0; i < array.length; i++) {
      pairs[2 * i] = array[i].start().toEpochMilli();
      // rounded up, so a booking ending a fraction of a millisecond after a slot starts still overlaps it
      pairs[2 * i + 1] = array[i].end().plusNanos(999_999).toEpochMilli();
    }
    return pairs;
  }

  /**
   * Binary search for the last period starting before {@code end}. The database keeps the periods of one bay
   * (and of one technician) from overlapping, so sorted by start they are sorted by end too: only that one can
   * reach past {@code start}.
   */
  static boolean overlaps(long[] pairs, long start, long end) {
    int lo = 0;
    int hi = pairs.length / 2 - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (pairs[2 * mid] < end) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && pairs[2 * last + 1] > start;
  }
}
