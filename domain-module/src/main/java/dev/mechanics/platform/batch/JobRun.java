package dev.mechanics.platform.batch;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** One execution of a job as operators see it: status, times, step progress, counts, outputs, error. */
public record JobRun(long executionId, long instanceId, String jobName, UUID organizationId, UUID scheduleId,
                     String startedBy, String status, String exitStatus, Instant createdAt, Instant startedAt,
                     Instant endedAt, List<Step> steps, List<Output> outputs, String error,
                     @Schema(description = "The last heartbeat of the instance running it (null when it is not "
                         + "running).") Instant heartbeatAt,
                     @Schema(description = "STARTED, but the instance running it stopped sending heartbeats (it "
                         + "died): restart it from its last checkpoint.") boolean stuck) {

  public record Step(String name, String status, String exitStatus, Instant startedAt, Instant endedAt,
                     long readCount, long writeCount, long commitCount, long rollbackCount, long filterCount,
                     String progress) {
  }

  public record Output(String objectKey, long sizeBytes) {
  }
}
