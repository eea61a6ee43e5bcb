package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts, stops and restarts jobs through Liberty's JobOperator and answers what operators see of a run. The
 * caller's scope is checked here: a platform job only for platform operators, an organization's run only for
 * that organization (a run of another organization is "not found").
 *
 * <p>Jobs must be started from the web module's context (a request or the scheduler's managed executor):
 * Liberty finds the job XML of the batch-module jar in the EAR's lib/ with the WAR as the job's module.
 */
@ApplicationScoped
public class JobLauncher {

  /** Job parameter every job receives: the organization it works for (absent for platform jobs). */
  public static final String ORGANIZATION_PARAMETER = "organizationId";
  public static final String RECIPIENTS_PARAMETER = "recipients";
  public static final String SCHEDULE_PARAMETER = "scheduleId";

  private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

  @Inject
  JobRuns runs;

  /** Who acts: an organization (null for the scheduler's platform schedules) and whether they operate the platform. */
  public record Actor(UUID organizationId, boolean platformOperator, String name) {
  }

  public JobRun start(Actor actor, String jobName, Map<String, String> parameters) {
    BatchJob job = BatchJob.named(jobName)
        .orElseThrow(() -> DomainException.InvalidInput.field("jobName", "no job named " + jobName));
    requireMayRun(actor, job);
    checkParameters(job, parameters);
    UUID organization = job.scope() == BatchJob.Scope.ORGANIZATION ? actor.organizationId() : null;
    return run(job, organization, parameters, null, actor.name());
  }

  /** A due schedule fires: its owner is the schedule's organization, or the platform. */
  public long fire(Schedule schedule) {
    BatchJob job = BatchJob.named(schedule.jobName()).orElseThrow();
    Map<String, String> parameters = new java.util.LinkedHashMap<>(schedule.parameters());
    if (!schedule.recipients().isEmpty()) {
      parameters.put(RECIPIENTS_PARAMETER, String.join(",", schedule.recipients()));
    }
    parameters.put(SCHEDULE_PARAMETER, schedule.id().toString());
    if (job == BatchJob.DAILY_SHOP_REPORT) {
      // a report's days are cut in the schedule's time zone unless its parameters name another
      parameters.putIfAbsent(dev.mechanics.reporting.ReportRequest.TIME_ZONE, schedule.timeZone());
    }
    return run(job, schedule.organizationId(), parameters, schedule.id(), "schedule " + schedule.id())
        .executionId();
  }

  private JobRun run(BatchJob job, UUID organization, Map<String, String> parameters, UUID scheduleId,
                     String startedBy) {
    Properties props = JobParameters.properties(parameters);
    props.remove(ORGANIZATION_PARAMETER);
    if (organization != null) {
      props.setProperty(ORGANIZATION_PARAMETER, organization.toString());
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    long execution;
    try {
      execution = operator.start(job.jobName(), props);
    } catch (jakarta.batch.operations.JobStartException e) {
      throw new DomainException.Conflict("job " + job.jobName() + " cannot start: " + e.getMessage());
    }
    long instance = operator.getJobInstance(execution).getInstanceId();
    runs.record(instance, execution, organization, scheduleId, job.jobName(), startedBy);
    LOG.info(() -> "batch job " + job.jobName() + " started: execution " + execution + " by " + startedBy);
    return view(execution);
  }

  public JobRun stop(Actor actor, long executionId) {
    JobRuns.Owner owner = visibleOwner(actor, executionId);
    requireMayRun(actor, BatchJob.named(owner.jobName()).orElseThrow());
    JobRun run = view(executionId);
    if (!List.of("STARTING", "STARTED").contains(run.status())) {
      throw new DomainException.Conflict("execution " + executionId + " is " + run.status() + ", not running");
    }
    BatchRuntime.getJobOperator().stop(executionId);
    return view(executionId);
  }

  /** Restarts a failed or stopped run from its last checkpoint (same job instance, a new execution). */
  public JobRun restart(Actor actor, long executionId) {
    JobRuns.Owner owner = visibleOwner(actor, executionId);
    requireMayRun(actor, BatchJob.named(owner.jobName()).orElseThrow());
    JobOperator operator = BatchRuntime.getJobOperator();
    JobExecution execution = operator.getJobExecution(executionId);
    if (execution.getBatchStatus() != BatchStatus.FAILED && execution.getBatchStatus() != BatchStatus.STOPPED) {
      throw new DomainException.Conflict("only a FAILED or STOPPED run can be restarted; execution " + executionId
          + " is " + execution.getBatchStatus());
    }
    List<JobExecution> all = operator.getJobExecutions(operator.getJobInstance(executionId));
    long latest = all.stream().mapToLong(JobExecution::getExecutionId).max().orElse(executionId);
    if (latest != executionId) {
      throw new DomainException.Conflict("execution " + executionId + " was already restarted as " + latest);
    }
    long restarted = operator.restart(executionId, execution.getJobParameters());
    runs.restarted(owner.instanceId(), restarted);
    LOG.info(() -> "batch execution " + executionId + " restarted as " + restarted + " by " + actor.name());
    return view(restarted);
  }

  public JobRun get(Actor actor, long executionId) {
    visibleOwner(actor, executionId);
    return view(executionId);
  }

  /** Newest run first, each with its latest execution. */
  public List<JobRun> list(Actor actor, Long beforeInstance, int limit) {
    List<JobRun> out = new ArrayList<>();
    for (JobRuns.Owner owner : runs.list(actor.organizationId(), actor.platformOperator(), beforeInstance, limit)) {
      try {
        out.add(view(owner.lastExecutionId()));
      } catch (NoSuchJobExecutionException e) {
        LOG.fine(() -> "job instance " + owner.instanceId() + " not in the job repository: " + e);
      }
    }
    return out;
  }

  private JobRuns.Owner visibleOwner(Actor actor, long executionId) {
    long instance;
    try {
      instance = BatchRuntime.getJobOperator().getJobInstance(executionId).getInstanceId();
    } catch (NoSuchJobExecutionException e) {
      throw new DomainException.NotFound("execution", executionId);
    }
    JobRuns.Owner owner = runs.owner(instance).orElseThrow(() -> new DomainException.NotFound("execution", executionId));
    boolean visible = actor.platformOperator()
        || (owner.organizationId() != null && owner.organizationId().equals(actor.organizationId()));
    if (!visible) {
      throw new DomainException.NotFound("execution", executionId);
    }
    return owner;
  }

  /** Refuses (422) parameters a job could not run with, before a run or a schedule exists. */
  public static void checkParameters(BatchJob job, Map<String, String> parameters) {
    if (job == BatchJob.DAILY_SHOP_REPORT) {
      dev.mechanics.reporting.ReportRequest.check(parameters == null ? Map.of() : parameters);
    }
  }

  private static void requireMayRun(Actor actor, BatchJob job) {
    if (job.scope() == BatchJob.Scope.PLATFORM && !actor.platformOperator()) {
      throw new DomainException.Forbidden("only platform operators run " + job.jobName());
    }
  }

  JobRun view(long executionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    JobExecution execution = operator.getJobExecution(executionId);
    long instance = operator.getJobInstance(executionId).getInstanceId();
    JobRuns.Owner owner = runs.owner(instance).orElse(null);
    List<JobRun.Step> steps = new ArrayList<>();
    String error = null;
    for (StepExecution step : operator.getStepExecutions(executionId)) {
      steps.add(new JobRun.Step(step.getStepName(), step.getBatchStatus().name(), step.getExitStatus(),
          instant(step.getStartTime()), instant(step.getEndTime()), metric(step, Metric.MetricType.READ_COUNT),
          metric(step, Metric.MetricType.WRITE_COUNT), metric(step, Metric.MetricType.COMMIT_COUNT),
          metric(step, Metric.MetricType.ROLLBACK_COUNT), metric(step, Metric.MetricType.FILTER_COUNT),
          progress(step.getPersistentUserData())));
      if (step.getBatchStatus() == BatchStatus.FAILED && error == null) {
        error = step.getStepName() + ": " + step.getExitStatus();
      }
    }
    steps.sort(Comparator.comparing(JobRun.Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (execution.getBatchStatus() == BatchStatus.FAILED && error == null) {
      error = execution.getExitStatus();
    }
    return new JobRun(executionId, instance, execution.getJobName(),
        owner == null ? null : owner.organizationId(), owner == null ? null : owner.scheduleId(),
        owner == null ? null : owner.startedBy(), execution.getBatchStatus().name(), execution.getExitStatus(),
        instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
        steps, runs.outputs(instance), error);
  }

  private static String progress(Serializable data) {
    return data == null ? null : data.toString();
  }

  private static long metric(StepExecution step, Metric.MetricType type) {
    if (step.getMetrics() == null) {
      return 0;
    }
    for (Metric m : step.getMetrics()) {
      if (m.getType() == type) {
        return m.getValue();
      }
    }
    return 0;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
