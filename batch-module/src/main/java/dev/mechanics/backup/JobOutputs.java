package dev.mechanics.backup;

import dev.mechanics.platform.batch.JobRuns;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.inject.spi.CDI;

/** Records an object a job wrote, for the run's "outputs" in the executions API. */
final class JobOutputs {

  private JobOutputs() {
  }

  static void record(JobContext job, String objectKey, long size) {
    CDI.current().select(JobRuns.class).get().output(job.getInstanceId(), objectKey, size);
  }
}
