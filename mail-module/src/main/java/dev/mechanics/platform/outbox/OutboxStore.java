package dev.mechanics.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table (ADR 0046) in JDBC, without CDI, so that a test can run two senders ("instances") against one
 * database. Every time is the database's ({@code now()}), so instances with drifting clocks agree on what is due
 * and whose lease has run out.
 *
 * <p>Called inside a JTA transaction, {@link #enqueue} joins it (the row commits or rolls back with the business
 * change); every other method is one auto-committed statement.
 */
public class OutboxStore {

  /** A claimed row. {@code expiredOwner}: the sender whose lease ran out on it (it died mid-send), else null. */
  public record Claimed(UUID id, String kind, String destination, byte[] payload, int attempts,
                        String expiredOwner) {
  }

  /** The backlog: rows waiting, rows given up on, and how long the oldest waiting one has waited. */
  public record Backlog(long pending, long dead, long oldestPendingSeconds) {
  }

  private final DataSource dataSource;

  public OutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Adds a row, due now. With a {@code dedupeKey} already used for this kind nothing is added (a restarted step
   * enqueues the same mail again): false then.
   */
  public boolean enqueue(String kind, String destination, byte[] payload, String dedupeKey) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("insert into outbox (id, kind, destination, payload, dedupe_key, "
          + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, now(), now()) "
          + "on conflict (kind, dedupe_key) do nothing")) {
        st.setObject(1, UUID.randomUUID());
        st.setString(2, kind);
        st.setString(3, destination);
        st.setBytes(4, payload);
        st.setString(5, dedupeKey);
        return st.executeUpdate() == 1;
      }
    });
  }

  /**
   * Claims the oldest due row of {@code kind} for {@code owner} until now + {@code lease}, in one statement: rows
   * another sender is claiming are skipped ({@code SKIP LOCKED}) and a claimed row is not due again until its
   * lease runs out, so two senders never hold one row at once. The attempt is counted at the claim, so a sender
   * that dies mid-send still uses one up.
   */
  public Optional<Claimed> claim(String kind, String owner, Duration lease) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("with due as (select id, lease_owner from outbox "
          + "where kind = ? and state = 'PENDING' and next_attempt_at <= now() "
          + "and (lease_until is null or lease_until < now()) "
          + "order by next_attempt_at limit 1 for update skip locked) "
          + "update outbox o set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond', "
          + "attempts = o.attempts + 1 from due where o.id = due.id "
          + "returning o.id, o.kind, o.destination, o.payload, o.attempts, due.lease_owner as expired_owner")) {
        st.setString(1, kind);
        st.setString(2, owner);
        st.setLong(3, lease.toMillis());
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
              rs.getBytes(4), rs.getInt(5), rs.getString(6)));
        }
      }
    });
  }

  /**
   * Delivered: the row is SENT and its payload dropped (a mail carries live links). False when {@code owner} no
   * longer holds the lease (it ran out and another sender took the row): nothing is changed then.
   */
  public boolean sent(UUID id, String owner) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("update outbox set state = 'SENT', sent_at = now(), "
          + "payload = null, last_error = null, lease_owner = null, lease_until = null "
          + "where id = ? and lease_owner = ? and state = 'PENDING'")) {
        st.setObject(1, id);
        st.setString(2, owner);
        return st.executeUpdate() == 1;
      }
    });
  }

  /** Not delivered: due again after {@code retryIn}, or DEAD when {@code dead} (kept, with its payload, for a retry). */
  public boolean failed(UUID id, String owner, String error, boolean dead, Duration retryIn) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("update outbox set state = ?, last_error = ?, "
          + "next_attempt_at = now() + ? * interval '1 millisecond', lease_owner = null, lease_until = null "
          + "where id = ? and lease_owner = ? and state = 'PENDING'")) {
        st.setString(1, dead ? "DEAD" : "PENDING");
        st.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
        st.setLong(3, retryIn.toMillis());
        st.setObject(4, id);
        st.setString(5, owner);
        return st.executeUpdate() == 1;
      }
    });
  }

  public Backlog backlog() {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select count(*) filter (where state = 'PENDING'), "
          + "count(*) filter (where state = 'DEAD'), coalesce(extract(epoch from now() - min(created_at) "
          + "filter (where state = 'PENDING')), 0) from outbox where state in ('PENDING', 'DEAD')");
           ResultSet rs = st.executeQuery()) {
        rs.next();
        return new Backlog(rs.getLong(1), rs.getLong(2), (long) rs.getDouble(3));
      }
    });
  }

  /** Forgets sent rows older than {@code age} (their payload is gone already); the count removed. */
  public int purgeSent(Duration age) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("delete from outbox where id in (select id from outbox "
          + "where state = 'SENT' and sent_at < now() - ? * interval '1 millisecond' limit 1000)")) {
        st.setLong(1, age.toMillis());
        return st.executeUpdate();
      }
    });
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T sql(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("outbox store failed: " + e.getMessage(), e);
    }
  }
}
