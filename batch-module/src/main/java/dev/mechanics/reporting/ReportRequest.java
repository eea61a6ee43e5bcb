package dev.mechanics.reporting;

import dev.mechanics.platform.DomainException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a shop report covers, read from its job parameters: a period ({@code day}, the default, or {@code month}),
 * the local date it names, the time zone its days are cut in, and who receives it.
 *
 * <p>Parameters: {@code period} (day | month), {@code date} (YYYY-MM-DD; for a month any day of it, or
 * {@code month} YYYY-MM), {@code timeZone} (IANA name), {@code recipients} (comma-separated e-mails). Without a
 * date the report covers the last complete period before {@code now} in the zone: yesterday, or last month.
 */
public record ReportRequest(Period period, LocalDate start, LocalDate endExclusive, ZoneId zone,
                            List<String> recipients) {

  public enum Period { DAY, MONTH }

  public static final String PERIOD = "period";
  public static final String DATE = "date";
  public static final String MONTH = "month";
  public static final String TIME_ZONE = "timeZone";
  public static final String RECIPIENTS = "recipients";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
  private static final int MAX_RECIPIENTS = 20;

  public static ReportRequest of(Map<String, String> parameters, ZoneId defaultZone, Instant now) {
    Period period = period(parameters.get(PERIOD));
    ZoneId zone = zone(parameters.get(TIME_ZONE), defaultZone);
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate start;
    LocalDate end;
    if (period == Period.DAY) {
      start = date(parameters.get(DATE), today.minusDays(1));
      end = start.plusDays(1);
    } else {
      String month = parameters.get(MONTH);
      YearMonth ym;
      if (month != null && !month.isBlank()) {
        try {
          ym = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
          throw DomainException.InvalidInput.field(MONTH, "a month is YYYY-MM");
        }
      } else {
        ym = YearMonth.from(date(parameters.get(DATE), today.minusMonths(1)));
      }
      start = ym.atDay(1);
      end = ym.plusMonths(1).atDay(1);
    }
    return new ReportRequest(period, start, end, zone, recipients(parameters.get(RECIPIENTS)));
  }

  /** Refuses parameters a report could not run with (422), before a run or schedule is created. */
  public static void check(Map<String, String> parameters) {
    of(parameters, ZoneId.of("UTC"), Instant.now());
  }

  public Instant from() {
    return start.atStartOfDay(zone).toInstant();
  }

  public Instant to() {
    return endExclusive.atStartOfDay(zone).toInstant();
  }

  /** The day folder of the report's objects: the first day it covers. */
  public String folder() {
    return start.toString();
  }

  /** "2026-11-25" for a day, "2026-11" for a month. */
  public String label() {
    return period == Period.DAY ? start.toString() : YearMonth.from(start).toString();
  }

  private static Period period(String text) {
    if (text == null || text.isBlank()) {
      return Period.DAY;
    }
    try {
      return Period.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.InvalidInput.field(PERIOD, "period is day or month");
    }
  }

  private static ZoneId zone(String text, ZoneId fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw DomainException.InvalidInput.field(TIME_ZONE, "not a known time zone (e.g. Europe/Berlin)");
    }
  }

  private static LocalDate date(String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.InvalidInput.field(DATE, "a date is YYYY-MM-DD");
    }
  }

  private static List<String> recipients(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String address = part.trim();
      if (address.isEmpty()) {
        continue;
      }
      if (!EMAIL.matcher(address).matches()) {
        throw DomainException.InvalidInput.field(RECIPIENTS, "not an e-mail address: " + address);
      }
      if (!out.contains(address)) {
        out.add(address);
      }
    }
    if (out.size() > MAX_RECIPIENTS) {
      throw DomainException.InvalidInput.field(RECIPIENTS, "at most " + MAX_RECIPIENTS + " recipients");
    }
    return out;
  }
}
