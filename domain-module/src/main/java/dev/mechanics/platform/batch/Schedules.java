package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Repository of schedules (the use cases are {@link ScheduleService}'s), in PostgreSQL, read and written with
 * JDBC because platform schedules have no tenant (Hibernate's {@code @TenantId} cannot hold null) and because the
 * scheduler's claim must be one short transaction that a test can run from two "instances" against the same
 * database.
 *
 * <p>Every read and write names the owner: an organization id, or null for the platform's schedules.
 */
@ApplicationScoped
public class Schedules {

  private static final String COLUMNS = "id, organization_id, job_name, parameters, cron, time_zone, recipients, "
      + "paused, next_fire_at, last_fired_at, version";

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  public Schedules() {
  }

  public Schedules(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Schedule create(UUID organizationId, ScheduleDetails details, Instant now) {
    CronSchedule cron = CronSchedule.parse(details.cron(), details.timeZone());
    UUID id = Ids.newId();
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement("insert into batch_schedules (id, organization_id, job_name, "
          + "parameters, cron, time_zone, recipients, paused, next_fire_at, created_at, updated_at) "
          + "values (?,?,?,?,?,?,?,?,?,?,?)")) {
        st.setObject(1, id);
        st.setObject(2, organizationId);
        st.setString(3, details.jobName());
        st.setString(4, JobParameters.format(details.parameters()));
        st.setString(5, cron.expression());
        st.setString(6, cron.zone().getId());
        st.setString(7, String.join(",", details.recipients() == null ? List.of() : details.recipients()));
        st.setBoolean(8, details.paused());
        st.setTimestamp(9, Timestamp.from(cron.nextAfter(now)));
        st.setTimestamp(10, Timestamp.from(now));
        st.setTimestamp(11, Timestamp.from(now));
        st.executeUpdate();
      }
      return null;
    });
    return find(organizationId, id);
  }

  /** The installation's default schedule of a platform job; a no-op when it exists (any instance may race). */
  public void ensurePlatformSchedule(String jobName, String cronExpression, String zone, Instant now) {
    CronSchedule cron = CronSchedule.parse(cronExpression, zone);
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement("insert into batch_schedules (id, organization_id, job_name, "
          + "cron, time_zone, next_fire_at, created_at, updated_at) values (?, null, ?, ?, ?, ?, ?, ?) "
          + "on conflict (job_name) where organization_id is null do nothing")) {
        st.setObject(1, Ids.newId());
        st.setString(2, jobName);
        st.setString(3, cron.expression());
        st.setString(4, cron.zone().getId());
        st.setTimestamp(5, Timestamp.from(cron.nextAfter(now)));
        st.setTimestamp(6, Timestamp.from(now));
        st.setTimestamp(7, Timestamp.from(now));
        st.executeUpdate();
      }
      return null;
    });
  }

  public Schedule find(UUID organizationId, UUID id) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from batch_schedules "
          + "where id = ? and organization_id is not distinct from ?")) {
        st.setObject(1, id);
        st.setObject(2, organizationId);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            throw new DomainException.NotFound("schedule", id);
          }
          return read(rs);
        }
      }
    });
  }

  public Page<Schedule> list(UUID organizationId, PageRequest page) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from batch_schedules "
          + "where organization_id is not distinct from ? and (?::uuid is null or id > ?) order by id limit ?")) {
        st.setObject(1, organizationId);
        st.setObject(2, page.after());
        st.setObject(3, page.after());
        st.setInt(4, page.limit() + 1);
        List<Schedule> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            rows.add(read(rs));
          }
        }
        return Page.of(rows, page.limit(), Schedule::id);
      }
    });
  }

  /** Changes a schedule if it is still at {@code expectedVersion}; the next fire time follows the new cron. */
  public Schedule change(UUID organizationId, UUID id, long ifVersion, ScheduleDetails details, Instant now) {
    Schedule current = find(organizationId, id);
    // If-Match: * changes whatever version is current
    long expectedVersion = ifVersion == TenantOwnedEntity.ANY_VERSION ? current.version() : ifVersion;
    if (current.version() != expectedVersion) {
      throw new DomainException.StaleVersion("schedule", expectedVersion, current.version());
    }
    CronSchedule cron = CronSchedule.parse(details.cron(), details.timeZone());
    int changed = sql(c -> {
      try (PreparedStatement st = c.prepareStatement("update batch_schedules set parameters = ?, cron = ?, "
          + "time_zone = ?, recipients = ?, paused = ?, next_fire_at = ?, updated_at = ?, version = version + 1 "
          + "where id = ? and organization_id is not distinct from ? and version = ?")) {
        st.setString(1, JobParameters.format(details.parameters()));
        st.setString(2, cron.expression());
        st.setString(3, cron.zone().getId());
        st.setString(4, String.join(",", details.recipients() == null ? List.of() : details.recipients()));
        st.setBoolean(5, details.paused());
        st.setTimestamp(6, Timestamp.from(cron.nextAfter(now)));
        st.setTimestamp(7, Timestamp.from(now));
        st.setObject(8, id);
        st.setObject(9, organizationId);
        st.setLong(10, expectedVersion);
        return st.executeUpdate();
      }
    });
    if (changed == 0) {
      Schedule latest = find(organizationId, id);
      throw new DomainException.StaleVersion("schedule", expectedVersion, latest.version());
    }
    return find(organizationId, id);
  }

  public void delete(UUID organizationId, UUID id) {
    int deleted = sql(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "delete from batch_schedules where id = ? and organization_id is not distinct from ?")) {
        st.setObject(1, id);
        st.setObject(2, organizationId);
        return st.executeUpdate();
      }
    });
    if (deleted == 0) {
      throw new DomainException.NotFound("schedule", id);
    }
  }

  /**
   * Claims the schedules that are due at {@code now} and moves each one's next fire time past {@code now}, in
   * one transaction. Rows another instance is claiming are skipped ({@code SKIP LOCKED}) and a claimed row is
   * no longer due when the lock is released, so each due fire time is handed to exactly one instance. A fire
   * time missed while every instance was down is due once: the next one is computed from now, not from the
   * missed time.
   */
  public List<Schedule> claimDue(Instant now, int max) {
    return claimDueFires(now, max, "unnamed").stream().map(Fire::schedule).toList();
  }

  /** A claimed fire of a schedule: launched by its claimer, or again after the lease if it never was. */
  public record Fire(UUID id, Schedule schedule) {
  }

  /**
   * {@link #claimDue}, recording each claimed fire (who claimed it, when) in the same transaction: a fire whose
   * claimer dies before it launches the job stays without an execution, and {@link #reclaimUnlaunched} hands it
   * out again.
   */
  public List<Fire> claimDueFires(Instant now, int max, String claimer) {
    return sql(c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<Schedule> due = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from batch_schedules "
            + "where not paused and next_fire_at <= ? order by next_fire_at limit ? for update skip locked")) {
          st.setTimestamp(1, Timestamp.from(now));
          st.setInt(2, max);
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              due.add(read(rs));
            }
          }
        }
        try (PreparedStatement st = c.prepareStatement("update batch_schedules set next_fire_at = ?, "
            + "last_fired_at = ? where id = ? and next_fire_at = ?")) {
          for (Schedule s : due) {
            st.setTimestamp(1, Timestamp.from(CronSchedule.parse(s.cron(), s.timeZone()).nextAfter(now)));
            st.setTimestamp(2, Timestamp.from(now));
            st.setObject(3, s.id());
            st.setTimestamp(4, Timestamp.from(s.nextFireAt()));
            st.addBatch();
          }
          if (!due.isEmpty()) {
            st.executeBatch();
          }
        }
        List<Fire> fires = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("insert into batch_schedule_fires (id, schedule_id, due_at, "
            + "claimed_at, claimed_by) values (?,?,?,?,?)")) {
          for (Schedule s : due) {
            Fire fire = new Fire(Ids.newId(), s);
            st.setObject(1, fire.id());
            st.setObject(2, s.id());
            st.setTimestamp(3, Timestamp.from(s.nextFireAt()));
            st.setTimestamp(4, Timestamp.from(now));
            st.setString(5, claimer);
            st.addBatch();
            fires.add(fire);
          }
          if (!due.isEmpty()) {
            st.executeBatch();
          }
        }
        c.commit();
        return fires;
      } catch (SQLException | RuntimeException e) {
        // a broken connection (database restarted or dropped) must not hide why the claim failed
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (!c.isClosed()) {
          c.setAutoCommit(auto);
        }
      }
    });
  }

  /**
   * Fires claimed more than {@code lease} ago and never launched (their claimer died between the claim and the
   * launch, or the launch failed): each is claimed again by {@code claimer}, at most {@code maxAttempts} times in
   * all. A fire whose job did start (an execution in Liberty's repository carries its id) is only recorded as
   * launched, so a fire never runs twice.
   */
  public List<Fire> reclaimUnlaunched(Instant now, java.time.Duration lease, int maxAttempts, String claimer,
                                      int max) {
    return sql(c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<Fire> stale = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select f.id as fire_id, " + COLUMNS.replaceAll(
            "(^|, )", "$1s.") + " from batch_schedule_fires f join batch_schedules s on s.id = f.schedule_id "
            + "where f.execution_id is null and f.claimed_at < ? and f.attempts < ? order by f.claimed_at "
            + "limit ? for update of f skip locked")) {
          st.setTimestamp(1, Timestamp.from(now.minus(lease)));
          st.setInt(2, maxAttempts);
          st.setInt(3, max);
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              stale.add(new Fire(rs.getObject("fire_id", UUID.class), read(rs)));
            }
          }
        }
        List<Fire> relaunch = new ArrayList<>();
        for (Fire fire : stale) {
          Long started = null;
          try (PreparedStatement st = c.prepareStatement("select max(fk_jobexecid) from batch.jobparameter "
              + "where name = ? and value = ?")) {
            st.setString(1, JobLauncher.FIRE_PARAMETER);
            st.setString(2, fire.id().toString());
            try (ResultSet rs = st.executeQuery()) {
              if (rs.next() && rs.getObject(1) != null) {
                started = rs.getLong(1);
              }
            }
          }
          try (PreparedStatement st = c.prepareStatement(started != null
              ? "update batch_schedule_fires set execution_id = ?, launched_at = ? where id = ?"
              : "update batch_schedule_fires set claimed_at = ?, claimed_by = ?, attempts = attempts + 1 "
                  + "where id = ?")) {
            if (started != null) {
              st.setLong(1, started);
              st.setTimestamp(2, Timestamp.from(now));
            } else {
              st.setTimestamp(1, Timestamp.from(now));
              st.setString(2, claimer);
              relaunch.add(fire);
            }
            st.setObject(3, fire.id());
            st.executeUpdate();
          }
        }
        c.commit();
        return relaunch;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (!c.isClosed()) {
          c.setAutoCommit(auto);
        }
      }
    });
  }

  /** The fire started execution {@code executionId}. */
  public void launched(UUID fireId, long executionId, Instant now) {
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "update batch_schedule_fires set execution_id = ?, launched_at = ?, last_error = null where id = ?")) {
        st.setLong(1, executionId);
        st.setTimestamp(2, Timestamp.from(now));
        st.setObject(3, fireId);
        return st.executeUpdate();
      }
    });
  }

  /** The launch failed: kept for the next attempt after the lease, with why. */
  public void launchFailed(UUID fireId, String error) {
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "update batch_schedule_fires set last_error = ? where id = ?")) {
        st.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
        st.setObject(2, fireId);
        return st.executeUpdate();
      }
    });
  }

  private static Schedule read(ResultSet rs) throws SQLException {
    String recipients = rs.getString("recipients");
    Timestamp last = rs.getTimestamp("last_fired_at");
    return new Schedule(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
        rs.getString("job_name"), JobParameters.parse(rs.getString("parameters")), rs.getString("cron"),
        rs.getString("time_zone"),
        recipients == null || recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(",")),
        rs.getBoolean("paused"), rs.getTimestamp("next_fire_at").toInstant(),
        last == null ? null : last.toInstant(), rs.getLong("version"));
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T sql(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("schedule store failed: " + e.getMessage(), e);
    }
  }
}
