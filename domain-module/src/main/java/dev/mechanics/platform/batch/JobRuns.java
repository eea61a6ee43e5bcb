package dev.mechanics.platform.batch;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Repository of job runs as operators see them ({@link JobRun}): Liberty's job repository (status, times, steps,
 * counts, read through the JobOperator) joined with table {@code batch_runs}, which says which organization owns
 * a job instance (null: the platform), who started it, and the objects it wrote. Liberty's job repository knows
 * nothing of tenants; that table is what the executions API filters on.
 */
@ApplicationScoped
public class JobRuns {

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @jakarta.inject.Inject
  ExecutionHeartbeats heartbeats;

  public record Owner(long instanceId, UUID organizationId, UUID scheduleId, String jobName, String startedBy,
                      long lastExecutionId) {
  }

  public void record(long instanceId, long executionId, UUID organizationId, UUID scheduleId, String jobName,
                     String startedBy) {
    update("insert into batch_runs (instance_id, last_execution_id, organization_id, schedule_id, job_name, "
        + "started_by) values (?,?,?,?,?,?) on conflict (instance_id) do update set last_execution_id = "
        + "greatest(batch_runs.last_execution_id, excluded.last_execution_id)", instanceId, executionId,
        organizationId, scheduleId, jobName, startedBy);
  }

  public void restarted(long instanceId, long executionId) {
    update("update batch_runs set last_execution_id = greatest(last_execution_id, ?) where instance_id = ?",
        executionId, instanceId);
  }

  /** Idempotent: a restarted step that writes the same object again records it once. */
  public void output(long instanceId, String objectKey, long sizeBytes) {
    update("insert into batch_run_outputs (instance_id, object_key, size_bytes) values (?,?,?) "
        + "on conflict (instance_id, object_key) do update set size_bytes = excluded.size_bytes",
        instanceId, objectKey, sizeBytes);
  }

  public Optional<Owner> owner(long instanceId) {
    List<Owner> found = owners("select instance_id, organization_id, schedule_id, job_name, started_by, last_execution_id "
        + "from batch_runs where instance_id = ?", instanceId);
    return found.stream().findFirst();
  }

  /** Newest first; {@code organizationId} null lists every run (platform operators). */
  public List<Owner> list(UUID organizationId, boolean all, Long beforeInstance, int limit) {
    return owners("select instance_id, organization_id, schedule_id, job_name, started_by, last_execution_id from batch_runs "
            + "where (? or organization_id = ?) and (?::bigint is null or instance_id < ?) "
            + "order by instance_id desc limit ?",
        all, organizationId, beforeInstance, beforeInstance, limit);
  }

  /** The run of one execution: its job instance's owner and outputs, its own status, times and steps. */
  public JobRun get(long executionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    JobExecution execution = operator.getJobExecution(executionId);
    long instance = operator.getJobInstance(executionId).getInstanceId();
    Owner owner = owner(instance).orElse(null);
    List<JobRun.Step> steps = new ArrayList<>();
    String error = null;
    for (StepExecution step : operator.getStepExecutions(executionId)) {
      steps.add(new JobRun.Step(step.getStepName(), step.getBatchStatus().name(), step.getExitStatus(),
          instant(step.getStartTime()), instant(step.getEndTime()), metric(step, Metric.MetricType.READ_COUNT),
          metric(step, Metric.MetricType.WRITE_COUNT), metric(step, Metric.MetricType.COMMIT_COUNT),
          metric(step, Metric.MetricType.ROLLBACK_COUNT), metric(step, Metric.MetricType.FILTER_COUNT),
          step.getPersistentUserData() == null ? null : step.getPersistentUserData().toString()));
      if (step.getBatchStatus() == BatchStatus.FAILED && error == null) {
        error = step.getStepName() + ": " + step.getExitStatus();
      }
    }
    steps.sort(Comparator.comparing(JobRun.Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (execution.getBatchStatus() == BatchStatus.FAILED && error == null) {
      error = execution.getExitStatus();
    }
    boolean running = List.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING)
        .contains(execution.getBatchStatus());
    Optional<ExecutionHeartbeats.Beat> beat = running ? heartbeats.of(executionId) : Optional.empty();
    return new JobRun(executionId, instance, execution.getJobName(),
        owner == null ? null : owner.organizationId(), owner == null ? null : owner.scheduleId(),
        owner == null ? null : owner.startedBy(), execution.getBatchStatus().name(), execution.getExitStatus(),
        instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
        steps, outputs(instance), error, beat.map(ExecutionHeartbeats.Beat::heartbeatAt).orElse(null),
        running && beat.map(ExecutionHeartbeats.Beat::stale).orElse(false));
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

  private List<JobRun.Output> outputs(long instanceId) {
    List<JobRun.Output> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
         PreparedStatement st = c.prepareStatement(
             "select object_key, size_bytes from batch_run_outputs where instance_id = ? order by object_key")) {
      st.setLong(1, instanceId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new JobRun.Output(rs.getString(1), rs.getLong(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("run store failed: " + e.getMessage(), e);
    }
    return out;
  }

  private List<Owner> owners(String sql, Object... args) {
    List<Owner> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Owner(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
              rs.getString(4), rs.getString(5), rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("run store failed: " + e.getMessage(), e);
    }
    return out;
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("run store failed: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
  }
}
