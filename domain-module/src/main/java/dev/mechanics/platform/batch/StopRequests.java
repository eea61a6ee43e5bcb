package dev.mechanics.platform.batch;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stops that must travel to the instance running the execution (table {@code batch_stop_requests}, V120): Liberty
 * stops only what runs in its own JVM. {@link #stop} stops here when it can and otherwise leaves a request;
 * every instance calls {@link #serve} every few seconds and stops what it runs.
 */
@ApplicationScoped
public class StopRequests {

  private static final Logger LOG = Logger.getLogger(StopRequests.class.getName());

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  /** Stops the execution if this instance runs it, else records the request for the one that does. */
  public void stop(long executionId, String requestedBy) {
    try {
      BatchRuntime.getJobOperator().stop(executionId);
    } catch (JobExecutionNotRunningException e) {
      update("insert into batch_stop_requests (execution_id, requested_by) values (?, ?) "
          + "on conflict (execution_id) do nothing", executionId, requestedBy);
      LOG.info(() -> "batch execution " + executionId + " runs on another instance: stop requested by "
          + requestedBy);
    }
  }

  /** Stops the requested executions that run here; forgets requests whose execution has ended. */
  public void serve() {
    List<Long> requested = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
         PreparedStatement st = c.prepareStatement("select execution_id from batch_stop_requests");
         ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        requested.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read batch stop requests", e);
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    for (long executionId : requested) {
      try {
        operator.stop(executionId);
        LOG.info(() -> "batch execution " + executionId + " stopped on request of another instance");
        forget(executionId);
      } catch (JobExecutionNotRunningException e) {
        if (ended(operator, executionId)) {
          forget(executionId);
        }
      } catch (NoSuchJobExecutionException e) {
        forget(executionId);
      }
    }
  }

  private static boolean ended(JobOperator operator, long executionId) {
    BatchStatus status = operator.getJobExecution(executionId).getBatchStatus();
    return status != BatchStatus.STARTING && status != BatchStatus.STARTED;
  }

  private void forget(long executionId) {
    update("delete from batch_stop_requests where execution_id = ?", executionId);
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a batch stop request", e);
    }
  }
}
