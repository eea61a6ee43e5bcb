package dev.mechanics.platform.batch.job;

import dev.mechanics.platform.batch.JobLauncher;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The base of every batchlet: its failure says why. The runtime records a failed step's exit status as just
 * "FAILED", and that is all an operator reading {@code /api/v1/batch/executions} would see; here the
 * exception's message (never its stack) becomes the step's exit status, so the run's error names the cause.
 */
public abstract class ExplainedBatchlet extends AbstractBatchlet {

  private static final int LIMIT = 500;

  @Inject
  protected JobContext job;

  @Inject
  protected StepContext step;

  @Override
  public final String process() throws Exception {
    try {
      return run();
    } catch (Exception | Error e) {
      if (step.getExitStatus() == null) {
        step.setExitStatus("FAILED: " + describe(e));
      }
      throw e;
    }
  }

  /** The step's work; its return value is the step's exit status. */
  protected abstract String run() throws Exception;

  /** The run's job parameters (what was started or scheduled, with {@code organizationId} set by the launcher). */
  protected Map<String, String> parameters() {
    Properties props = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
    Map<String, String> parameters = new HashMap<>();
    props.stringPropertyNames().forEach(name -> parameters.put(name, props.getProperty(name)));
    return parameters;
  }

  /** The organization an organization job works for; every query it makes must name it. */
  protected UUID organizationId() {
    String organization = parameters().get(JobLauncher.ORGANIZATION_PARAMETER);
    if (organization == null || organization.isBlank()) {
      throw new IllegalArgumentException(job.getJobName() + " needs the organizationId parameter");
    }
    return UUID.fromString(organization);
  }

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceAll("\\s+", " ").strip();
    return message.length() > LIMIT ? message.substring(0, LIMIT) + "…" : message;
  }
}
