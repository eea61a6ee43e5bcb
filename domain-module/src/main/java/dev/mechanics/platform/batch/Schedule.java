package dev.mechanics.platform.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** When a job runs by itself. {@code organizationId} is null for the installation's platform schedules. */
public record Schedule(UUID id, UUID organizationId, String jobName, Map<String, String> parameters,
                       String cron, String timeZone, List<String> recipients, boolean paused, Instant nextFireAt,
                       Instant lastFiredAt, long version) {
}
