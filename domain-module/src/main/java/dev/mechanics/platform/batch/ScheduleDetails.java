package dev.mechanics.platform.batch;

import java.util.List;
import java.util.Map;

/** What a caller may set on a schedule. */
public record ScheduleDetails(String jobName, Map<String, String> parameters, String cron, String timeZone,
                              List<String> recipients, boolean paused) {
}
