package dev.mechanics.platform.batch.job;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;

/**
 * The base of every batchlet: its failure says why. The runtime records a failed step's exit status as just
 * "FAILED", and that is all an operator reading {@code /api/v1/batch/executions} would see; here the
 * exception's message (never its stack) becomes the step's exit status, so the run's error names the cause.
 */
public abstract class ExplainedBatchlet extends AbstractBatchlet {

  private static final int LIMIT = 500;

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

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceAll("\\s+", " ").strip();
    return message.length() > LIMIT ? message.substring(0, LIMIT) + "…" : message;
  }
}
