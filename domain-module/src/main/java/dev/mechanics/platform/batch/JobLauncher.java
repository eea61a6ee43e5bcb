package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts, stops and restarts jobs through Liberty's JobOperator, for any {@link JobDefinition}: a platform job
 * only for platform operators, an organization's run only for that organization (a run of another organization
 * is "not found"). What operators see of a run is {@link JobRuns}'.
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
  /** The claimed fire a scheduled run belongs to: what tells a relaunch that the job did start (ADR 0048). */
  public static final String FIRE_PARAMETER = "scheduleFireId";

  private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

  @Inject
  JobRuns runs;

  @Inject
  JobDefinitions jobs;

  @Inject
  ExecutionHeartbeats heartbeats;

  @Inject
  StopRequests stops;

  public JobRun start(BatchActor actor, String jobName, Map<String, String> parameters) {
    JobDefinition job = jobs.require(jobName);
    requireMayRun(actor, job);
    job.check(parameters);
    UUID organization = job.scope() == JobDefinition.Scope.ORGANIZATION ? actor.organizationId() : null;
    return run(job, organization, parameters, null, actor.name());
  }

  /** A due schedule fires: its owner is the schedule's organization, or the platform. */
  public long fire(Schedule schedule) {
    return fire(schedule, null);
  }

  /** {@link #fire(Schedule)} for a claimed fire, whose id the run carries as a job parameter. */
  public long fire(Schedule schedule, UUID fireId) {
    JobDefinition job = jobs.named(schedule.jobName()).orElseThrow(() -> new IllegalStateException(
        "schedule " + schedule.id() + " names job " + schedule.jobName() + ", which this application has not"));
    Map<String, String> parameters = new LinkedHashMap<>(schedule.parameters());
    if (!schedule.recipients().isEmpty()) {
      parameters.put(RECIPIENTS_PARAMETER, String.join(",", schedule.recipients()));
    }
    parameters.put(SCHEDULE_PARAMETER, schedule.id().toString());
    job.scheduled(schedule, parameters);
    if (fireId != null) {
      parameters.put(FIRE_PARAMETER, fireId.toString());
    }
    return run(job, schedule.organizationId(), parameters, schedule.id(), "schedule " + schedule.id())
        .executionId();
  }

  private JobRun run(JobDefinition job, UUID organization, Map<String, String> parameters, UUID scheduleId,
                     String startedBy) {
    Properties props = JobParameters.properties(parameters);
    props.remove(ORGANIZATION_PARAMETER);
    if (organization != null) {
      props.setProperty(ORGANIZATION_PARAMETER, organization.toString());
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    long execution;
    try {
      execution = operator.start(job.name(), props);
    } catch (JobStartException e) {
      throw new DomainException.Conflict("job " + job.name() + " cannot start: " + e.getMessage());
    }
    long instance = operator.getJobInstance(execution).getInstanceId();
    runs.record(instance, execution, organization, scheduleId, job.name(), startedBy);
    LOG.info(() -> "batch job " + job.name() + " started: execution " + execution + " by " + startedBy);
    return runs.get(execution);
  }

  public JobRun stop(BatchActor actor, long executionId) {
    visibleOwner(actor, executionId, true);
    JobRun run = runs.get(executionId);
    if (!List.of("STARTING", "STARTED").contains(run.status())) {
      throw new DomainException.Conflict("execution " + executionId + " is " + run.status() + ", not running");
    }
    // the run may be on another instance: then it stops within seconds, and the answer still says STARTED
    stops.stop(executionId, actor.name());
    return runs.get(executionId);
  }

  /**
   * Restarts a failed or stopped run from its last checkpoint (same job instance, a new execution); also a
   * stuck one, STARTED by an instance that stopped sending heartbeats, which is first marked FAILED (ADR 0048).
   */
  public JobRun restart(BatchActor actor, long executionId) {
    JobRuns.Owner owner = visibleOwner(actor, executionId, true);
    JobOperator operator = BatchRuntime.getJobOperator();
    JobExecution execution = operator.getJobExecution(executionId);
    if (List.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING)
        .contains(execution.getBatchStatus()) && heartbeats.failStuck(executionId)) {
      LOG.warning(() -> "batch execution " + executionId + " was stuck (its instance stopped sending heartbeats); "
          + "marked FAILED for a restart by " + actor.name());
      execution = operator.getJobExecution(executionId);
    }
    if (execution.getBatchStatus() != BatchStatus.FAILED && execution.getBatchStatus() != BatchStatus.STOPPED) {
      throw new DomainException.Conflict("only a FAILED, STOPPED or stuck run can be restarted; execution "
          + executionId + " is " + execution.getBatchStatus());
    }
    List<JobExecution> all = operator.getJobExecutions(operator.getJobInstance(executionId));
    long latest = all.stream().mapToLong(JobExecution::getExecutionId).max().orElse(executionId);
    if (latest != executionId) {
      throw new DomainException.Conflict("execution " + executionId + " was already restarted as " + latest);
    }
    long restarted = operator.restart(executionId, execution.getJobParameters());
    runs.restarted(owner.instanceId(), restarted);
    LOG.info(() -> "batch execution " + executionId + " restarted as " + restarted + " by " + actor.name());
    return runs.get(restarted);
  }

  public JobRun get(BatchActor actor, long executionId) {
    visibleOwner(actor, executionId, false);
    return runs.get(executionId);
  }

  /** Newest run first, each with its latest execution. */
  public List<JobRun> list(BatchActor actor, Long beforeInstance, int limit) {
    List<JobRun> out = new ArrayList<>();
    for (JobRuns.Owner owner : runs.list(actor.organizationId(), actor.platformJobs(), beforeInstance, limit)) {
      try {
        out.add(runs.get(owner.lastExecutionId()));
      } catch (NoSuchJobExecutionException e) {
        LOG.fine(() -> "job instance " + owner.instanceId() + " not in the job repository: " + e);
      }
    }
    return out;
  }

  /** The run's owner if the actor may see it (else 404); {@code acting}: and may run its job (else 403). */
  private JobRuns.Owner visibleOwner(BatchActor actor, long executionId, boolean acting) {
    long instance;
    try {
      instance = BatchRuntime.getJobOperator().getJobInstance(executionId).getInstanceId();
    } catch (NoSuchJobExecutionException e) {
      throw new DomainException.NotFound("execution", executionId);
    }
    JobRuns.Owner owner = runs.owner(instance)
        .orElseThrow(() -> new DomainException.NotFound("execution", executionId));
    boolean visible = actor.platformJobs()
        || (owner.organizationId() != null && owner.organizationId().equals(actor.organizationId()));
    if (!visible) {
      throw new DomainException.NotFound("execution", executionId);
    }
    if (acting) {
      jobs.named(owner.jobName()).ifPresent(job -> requireMayRun(actor, job));
    }
    return owner;
  }

  static void requireMayRun(BatchActor actor, JobDefinition job) {
    if (job.scope() == JobDefinition.Scope.PLATFORM && !actor.platformJobs()) {
      throw new DomainException.Forbidden("only platform operators run " + job.name());
    }
  }
}
