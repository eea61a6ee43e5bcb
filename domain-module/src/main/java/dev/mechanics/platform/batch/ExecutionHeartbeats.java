package dev.mechanics.platform.batch;

import dev.mechanics.platform.OutageLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The heartbeat of every execution this instance runs (table batch_execution_heartbeats, ADR 0048): written when
 * a job starts ({@code jobOutcomeListener}), renewed every BATCH_HEARTBEAT_SECONDS while it runs, removed when it
 * ends. An execution that Liberty still calls STARTED but whose heartbeat is older than
 * {@link #STALE_AFTER_BEATS} intervals was left by an instance that died (kill, eviction, out of memory): it is
 * shown as {@code stuck} and may be restarted from its last checkpoint. Liberty itself only recovers the runs of
 * the very server that restarts, and an App Service instance that dies never comes back under the same name.
 */
@ApplicationScoped
public class ExecutionHeartbeats {

  static final int STALE_AFTER_BEATS = 4;
  private static final Logger LOG = Logger.getLogger(ExecutionHeartbeats.class.getName());
  private final OutageLog outage = new OutageLog(LOG, "batch heartbeat");

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final String instanceName = nameOfThisInstance();

  /** What a heartbeat says of an execution. */
  public record Beat(String instanceName, Instant heartbeatAt, boolean stale) {
  }

  public Duration interval() {
    return Duration.ofSeconds(Math.max(1, ConfigProvider.getConfig()
        .getOptionalValue("BATCH_HEARTBEAT_SECONDS", Integer.class).orElse(15)));
  }

  public String instanceName() {
    return instanceName;
  }

  public void started(long executionId) {
    running.add(executionId);
    update("insert into batch_execution_heartbeats (execution_id, instance_name, started_at, heartbeat_at) "
        + "values (?, ?, now(), now()) on conflict (execution_id) do update set "
        + "instance_name = excluded.instance_name, heartbeat_at = now()", executionId, instanceName);
  }

  public void ended(long executionId) {
    running.remove(executionId);
    update("delete from batch_execution_heartbeats where execution_id = ?", executionId);
  }

  /** Renews the heartbeat of every execution running here; never throws (it runs on a timer). */
  public void beat() {
    if (running.isEmpty()) {
      return;
    }
    try {
      update("update batch_execution_heartbeats set heartbeat_at = now() where execution_id = any (?)",
          (Object) running.toArray(Long[]::new));
      outage.succeeded();
    } catch (RuntimeException e) {
      outage.failed(e, "its runs look stuck to other instances until it recovers");
    }
  }

  /** The execution's heartbeat, if it has one; {@code stale} when older than {@link #STALE_AFTER_BEATS} beats. */
  public Optional<Beat> of(long executionId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "select instance_name, heartbeat_at, heartbeat_at < now() - make_interval(secs => ?) "
            + "from batch_execution_heartbeats where execution_id = ?")) {
      st.setLong(1, interval().toSeconds() * STALE_AFTER_BEATS);
      st.setLong(2, executionId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new Beat(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("heartbeat store failed: " + e.getMessage(), e);
    }
  }

  /**
   * Marks a stuck execution FAILED in Liberty's job repository (execution, its unfinished steps, its job
   * instance), as Liberty's own start-up recovery does for the runs of the server that restarts, so that
   * JobOperator.restart accepts it. Only when its heartbeat is stale; returns whether it did.
   */
  public boolean failStuck(long executionId) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        // Liberty stores BatchStatus and its InstanceState as ordinals: STARTING 0, STARTED 1, STOPPING 2, FAILED 4
        int changed = run(c, "update batch.jobexecution set batchstatus = 4, exitstatus = 'FAILED: its instance "
            + "stopped sending heartbeats', endtime = now(), updatetime = now() where jobexecid = ? "
            + "and batchstatus in (0, 1, 2) and exists (select 1 from batch_execution_heartbeats h where "
            + "h.execution_id = ? and h.heartbeat_at < now() - make_interval(secs => ?))", executionId, executionId,
            interval().toSeconds() * STALE_AFTER_BEATS);
        if (changed == 1) {
          run(c, "update batch.stepthreadexecution set batchstatus = 4, exitstatus = 'FAILED', endtime = now() "
              + "where fk_jobexecid = ? and batchstatus in (0, 1, 2)", executionId);
          run(c, "update batch.jobinstance set batchstatus = 4, instancestate = 4, updatetime = now() where "
              + "jobinstanceid = (select fk_jobinstanceid from batch.jobexecution where jobexecid = ?)", executionId);
          run(c, "delete from batch_execution_heartbeats where execution_id = ?", executionId);
        }
        c.commit();
        c.setAutoCommit(auto);
        return changed == 1;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("heartbeat store failed: " + e.getMessage(), e);
    }
  }

  private static int run(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      return st.executeUpdate();
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Long[] ids) {
          st.setArray(i + 1, c.createArrayOf("bigint", ids));
        } else {
          st.setObject(i + 1, args[i]);
        }
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("heartbeat store failed: " + e.getMessage(), e);
    }
  }

  /** App Service's instance id when there is one, else host and process. */
  private static String nameOfThisInstance() {
    String azure = ConfigProvider.getConfig().getOptionalValue("WEBSITE_INSTANCE_ID", String.class).orElse(null);
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String name = (azure == null || azure.isBlank() ? host : azure) + "/" + ProcessHandle.current().pid();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
