package dev.mechanics.backup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Table database_backups: every uploaded backup object, whether verify passed, and when retention removed it. */
@ApplicationScoped
public class BackupCatalogue {

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  public record Entry(String objectKey, String manifestKey, Long instanceId, Instant startedAt, Instant finishedAt,
                      long sizeBytes, String sha256, String schemaVersion, boolean verified) {
  }

  void add(Entry e) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "insert into database_backups (object_key, manifest_key, instance_id, started_at, finished_at, size_bytes, "
            + "sha256, schema_version) values (?,?,?,?,?,?,?,?) on conflict (object_key) do update set "
            + "finished_at = excluded.finished_at, size_bytes = excluded.size_bytes, sha256 = excluded.sha256, "
            + "verified = false, deleted_at = null")) {
      st.setString(1, e.objectKey());
      st.setString(2, e.manifestKey());
      st.setObject(3, e.instanceId());
      st.setTimestamp(4, Timestamp.from(e.startedAt()));
      st.setTimestamp(5, Timestamp.from(e.finishedAt()));
      st.setLong(6, e.sizeBytes());
      st.setString(7, e.sha256());
      st.setString(8, e.schemaVersion());
      st.executeUpdate();
    }
  }

  void verified(String objectKey) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "update database_backups set verified = true where object_key = ?")) {
      st.setString(1, objectKey);
      st.executeUpdate();
    }
  }

  void deleted(String objectKey) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "update database_backups set deleted_at = now() where object_key = ?")) {
      st.setString(1, objectKey);
      st.executeUpdate();
    }
  }

  Optional<Entry> ofInstance(long instanceId) throws SQLException {
    return query("where instance_id = ? order by finished_at desc limit 1", instanceId).stream().findFirst();
  }

  /** The newest backup that passed verify and is still stored: what the age gauge and retention look at. */
  public Optional<Entry> lastGood() {
    try {
      return query("where verified and deleted_at is null order by finished_at desc limit 1").stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("backup catalogue unreadable: " + e.getMessage(), e);
    }
  }

  private List<Entry> query(String where, Object... args) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "select object_key, manifest_key, instance_id, started_at, finished_at, size_bytes, sha256, "
            + "schema_version, verified from database_backups " + where)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
              rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7),
              rs.getString(8), rs.getBoolean(9)));
        }
      }
    }
    return out;
  }
}
