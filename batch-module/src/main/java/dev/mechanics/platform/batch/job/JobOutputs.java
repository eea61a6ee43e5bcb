package dev.mechanics.platform.batch.job;

import dev.mechanics.platform.batch.JobRuns;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Records an object the running job wrote (a backup, a report file): the run's "outputs" in the executions API.
 * Idempotent, so a restarted step that writes the same object again records it once.
 */
@Dependent
public class JobOutputs {

  @Inject
  JobRuns runs;

  public void record(JobContext job, String objectKey, long sizeBytes) {
    runs.output(job.getInstanceId(), objectKey, sizeBytes);
  }
}
