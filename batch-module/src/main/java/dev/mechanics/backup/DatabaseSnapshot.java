package dev.mechanics.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The application's data as one consistent stream: every table of schema {@code public} (but Flyway's history,
 * which the schema migration recreates) in foreign-key order, each as PostgreSQL COPY text between a
 * {@code TABLE name} line and the {@code \.} end-of-data line, all read in one REPEATABLE READ, READ ONLY
 * transaction so that every table shows the same moment.
 *
 * <p>Why not pg_dump: it is not in the Open Liberty image, and an external process would escape the job's
 * checkpointing and metrics. COPY is what pg_dump uses for data too; the schema comes from the migrations.
 */
final class DatabaseSnapshot {

  static final String FIRST_LINE = "MECHANICS-BACKUP 1";
  private static final String HISTORY = "flyway_schema_history";

  private DatabaseSnapshot() {
  }

  record Written(String schemaVersion, String snapshotAt, List<BackupManifest.Table> tables,
                 List<BackupManifest.Sequence> sequences) {
  }

  static Written write(Connection connection, OutputStream out) throws SQLException, IOException {
    boolean auto = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute("set transaction isolation level repeatable read, read only");
      // a table's COPY may outlast the statement limit requests run under (docs/adr/0047)
      st.execute("set local statement_timeout = 0");
      String snapshotAt;
      try (ResultSet rs = st.executeQuery("select now()::text")) {
        rs.next();
        snapshotAt = rs.getString(1);
      }
      String version = schemaVersion(connection);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      out.write((FIRST_LINE + "\n").getBytes(StandardCharsets.UTF_8));
      List<BackupManifest.Table> tables = new ArrayList<>();
      for (String table : tablesInLoadOrder(connection)) {
        out.write(("TABLE " + table + "\n").getBytes(StandardCharsets.UTF_8));
        TableChecksum sum = new TableChecksum();
        copy.copyOut("COPY public." + quote(table) + " TO STDOUT", new Tee(out, sum));
        out.write("\\.\n".getBytes(StandardCharsets.UTF_8));
        tables.add(new BackupManifest.Table(table, sum.rows(), sum.checksum(), sum.bytes()));
      }
      out.write("END\n".getBytes(StandardCharsets.UTF_8));
      List<BackupManifest.Sequence> sequences = sequences(connection);
      connection.commit();
      return new Written(version, snapshotAt, tables, sequences);
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(auto);
    }
  }

  /** Loads a snapshot stream into a database whose schema is in place and whose tables are empty. */
  static void load(Connection connection, InputStream in, List<BackupManifest.Sequence> sequences)
      throws SQLException, IOException {
    // sealed audit rows are copied as they were, not re-linked as rows of a previous release would be (V117)
    try (Statement restoring = connection.createStatement()) {
      restoring.execute("select set_config('mechanics.restoring', 'on', false)");
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    LineReader lines = new LineReader(in);
    byte[] first = lines.next();
    if (first == null || !FIRST_LINE.equals(new String(first, StandardCharsets.UTF_8))) {
      throw new SegmentedAesGcm.BackupCorrupted("not a database backup stream");
    }
    boolean ended = false;
    byte[] line;
    while ((line = lines.next()) != null) {
      String text = line.length < 200 ? new String(line, StandardCharsets.UTF_8) : "";
      if (text.equals("END")) {
        ended = true;
        break;
      }
      if (!text.startsWith("TABLE ")) {
        throw new SegmentedAesGcm.BackupCorrupted("expected a TABLE line");
      }
      String table = text.substring("TABLE ".length());
      CopyIn in2 = copy.copyIn("COPY public." + quote(table) + " FROM STDIN");
      try {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 16);
        byte[] row;
        while (true) {
          row = lines.next();
          if (row == null) {
            throw new SegmentedAesGcm.BackupCorrupted("the stream ends inside table " + table);
          }
          if (row.length == 2 && row[0] == '\\' && row[1] == '.') {
            break;
          }
          batch.write(row);
          batch.write('\n');
          if (batch.size() >= (1 << 16)) {
            in2.writeToCopy(batch.toByteArray(), 0, batch.size());
            batch.reset();
          }
        }
        if (batch.size() > 0) {
          in2.writeToCopy(batch.toByteArray(), 0, batch.size());
        }
        in2.endCopy();
      } finally {
        if (in2.isActive()) {
          in2.cancelCopy();
        }
      }
    }
    if (!ended) {
      throw new SegmentedAesGcm.BackupCorrupted("the stream has no END line");
    }
    for (BackupManifest.Sequence s : sequences) {
      try (PreparedStatement st = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
        st.setString(1, "public." + quote(s.name()));
        st.setLong(2, s.lastValue());
        st.setBoolean(3, s.called());
        st.execute();
      }
    }
  }

  /** Row counts and checksums as they are now (verify reads the restored copy with this). */
  static List<BackupManifest.Table> checksums(Connection connection) throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    List<BackupManifest.Table> out = new ArrayList<>();
    for (String table : tablesInLoadOrder(connection)) {
      TableChecksum sum = new TableChecksum();
      copy.copyOut("COPY public." + quote(table) + " TO STDOUT", sum);
      out.add(new BackupManifest.Table(table, sum.rows(), sum.checksum(), sum.bytes()));
    }
    return out;
  }

  static String schemaVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "select version from public.flyway_schema_history where success and version is not null "
            + "order by installed_rank desc limit 1")) {
      return rs.next() ? rs.getString(1) : "0";
    }
  }

  static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            + "where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition "
            + "and c.relname <> '" + HISTORY + "' order by c.relname")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Set<String>> parents = new HashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "select child.relname, parent.relname from pg_constraint k "
            + "join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid "
            + "join pg_namespace n on n.oid = child.relnamespace where k.contype = 'f' and n.nspname = 'public'")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(rs.getString(2))) {
          parents.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (String t : tables) {
        if (!placed.contains(t) && placed.containsAll(parents.getOrDefault(t, Set.of()).stream()
            .filter(tables::contains).toList())) {
          ordered.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("foreign keys form a cycle among " + tables.stream()
            .filter(t -> !placed.contains(t)).toList());
      }
    }
    return ordered;
  }

  private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
    List<BackupManifest.Sequence> out = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
        "select sequencename, coalesce(last_value, start_value), last_value is not null from pg_sequences "
            + "where schemaname = 'public' order by sequencename")) {
      while (rs.next()) {
        out.add(new BackupManifest.Sequence(rs.getString(1), rs.getLong(2), rs.getBoolean(3)));
      }
    }
    return out;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Lines of a byte stream without decoding them (COPY rows go back to the server byte for byte). */
  static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    LineReader(InputStream in) {
      this.in = in;
    }

    byte[] next() throws IOException {
      int length = 0;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (length > 0) {
              throw new SegmentedAesGcm.BackupCorrupted("the stream ends inside a line");
            }
            return null;
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int n = position - start;
        if (length + n > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, start, line, length, n);
        length += n;
        if (position < limit) {
          position++;
          return Arrays.copyOf(line, length);
        }
      }
    }
  }
}
