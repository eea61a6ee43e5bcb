package dev.mechanics.platform.batch;

import java.util.UUID;

/**
 * Who acts on jobs, as the access policy decided it: their organization (null for the scheduler's platform
 * schedules), whether they may run the platform's jobs and their organization's, and a name for the run's log.
 */
public record BatchActor(UUID organizationId, boolean platformJobs, boolean organizationJobs, String name) {
}
