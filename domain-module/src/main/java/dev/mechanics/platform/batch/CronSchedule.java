package dev.mechanics.platform.batch;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.mechanics.platform.DomainException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A five-field (UNIX) cron expression read as wall-clock time in a time zone.
 *
 * <p>Daylight saving: the expression is matched against local date-times (cron-utils evaluates it on a zone
 * without transitions), and a match is then placed in the zone. A local time that does not exist on the
 * spring-forward day (02:30) moves forward by the gap (03:30) and fires once; a local time that happens twice
 * on the fall-back day fires at its first occurrence only, because the next match is searched after the local
 * time of the previous one. So a daily run is never skipped and never doubled.
 */
public record CronSchedule(String expression, ZoneId zone) {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  public static CronSchedule parse(String expression, String zone) {
    if (expression == null || expression.isBlank()) {
      throw DomainException.InvalidInput.field("cron", "a cron expression is required (minute hour day month weekday)");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone == null ? "" : zone);
    } catch (DateTimeException e) {
      throw DomainException.InvalidInput.field("timeZone", "not a known time zone (e.g. Europe/Berlin)");
    }
    CronSchedule schedule = new CronSchedule(expression.trim(), zoneId);
    try {
      schedule.executionTime();
    } catch (IllegalArgumentException e) {
      throw DomainException.InvalidInput.field("cron", "not a valid cron expression (minute hour day month weekday)");
    }
    return schedule;
  }

  private ExecutionTime executionTime() {
    return ExecutionTime.forCron(PARSER.parse(expression).validate());
  }

  /** The first fire time strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    LocalDateTime localAfter = LocalDateTime.ofInstant(after, zone);
    LocalDateTime next = executionTime().nextExecution(localAfter.atZone(ZoneOffset.UTC))
        .orElseThrow(() -> DomainException.InvalidInput.field("cron", "the expression never fires"))
        .toLocalDateTime();
    // ofLocal: a gap moves the time forward by the gap's length; an overlap takes the earlier offset
    return ZonedDateTime.ofLocal(next, zone, null).toInstant();
  }
}
