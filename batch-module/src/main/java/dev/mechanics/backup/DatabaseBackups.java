package dev.mechanics.backup;

import dev.mechanics.platform.FlywayMigrationIntegrator;
import dev.mechanics.platform.datasource.DatabaseUrl;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Database backup, restore and verify: snapshot -> gzip -> segmented AES-256-GCM -> sha256 -> backup
 * container, in constant memory; restore checks size and sha256 first, then decrypts (each segment
 * authenticated), creates the schema with the migrations up to the backup's version and loads the rows;
 * verify restores into a scratch database and compares every table with the manifest.
 */
@ApplicationScoped
public class DatabaseBackups {

  static final String PREFIX = "db-backup/";
  private static final Logger LOG = Logger.getLogger(DatabaseBackups.class.getName());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  /** The owner role's connections (DATABASE_MIGRATION_URL), when configured: backups read every table. */
  @Resource(lookup = "jdbc/mechanicsMigration")
  DataSource ownerDataSource;

  @Inject
  @ConfigProperty(name = "DATABASE_MIGRATION_URL", defaultValue = "not-set")
  String migrationUrl;

  @Inject
  BackupStorage storage;

  @Inject
  BackupCatalogue catalogue;

  @Inject
  @ConfigProperty(name = "BACKUP_ENCRYPTION_KEY", defaultValue = " ")
  String backupKey;

  @Inject
  @ConfigProperty(name = "ENCRYPTION_KEY", defaultValue = " ")
  String encryptionKey;

  @Inject
  @ConfigProperty(name = "DATABASE_URL", defaultValue = "not-set")
  String databaseUrl;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_DAYS", defaultValue = "7")
  int retentionDays;

  private final Clock clock = Clock.systemUTC();

  private boolean ownerConfigured() {
    return migrationUrl != null && !migrationUrl.isBlank() && !"not-set".equals(migrationUrl);
  }

  /**
   * Backups, restores and scratch databases are administrative work: done as the owner role when migrations
   * have one (the application role owns nothing and may not read the migration history), else as the app.
   */
  private String adminUrl() {
    return ownerConfigured() ? migrationUrl : databaseUrl;
  }

  /** The pool matching {@link #adminUrl()}: the owner role's when configured. */
  private DataSource adminDataSource() {
    return ownerConfigured() ? ownerDataSource : dataSource;
  }

  /** Backs the database up; returns the manifest (also stored beside the object and in the catalogue). */
  public BackupManifest backup(long instanceId) throws Exception {
    Instant started = clock.instant();
    String base = PREFIX + DAY.format(started) + "/mechanics-" + TIME.format(started) + "-" + instanceId;
    String objectKey = base + ".backup";
    MessageDigest sha = sha256();
    CountingOutputStream objectBytes;
    CountingOutputStream plainBytes;
    DatabaseSnapshot.Written written;
    BackupStorage.Upload sink = storage.create(objectKey, "application/octet-stream");
    try (Connection connection = adminDataSource().getConnection()) {
      objectBytes = new CountingOutputStream(new DigestOutputStream(new BufferedOutputStream(sink, 1 << 16), sha));
      OutputStream gzip = new GZIPOutputStream(cipher().encrypt(objectBytes), 1 << 16) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      };
      plainBytes = new CountingOutputStream(gzip);
      BufferedOutputStream buffered = new BufferedOutputStream(plainBytes, 1 << 16);
      written = DatabaseSnapshot.write(connection, buffered);
      // closing the chain finishes gzip and the last cipher segment, then stores the object
      buffered.close();
    } catch (Exception | Error e) {
      // a half-written backup must never become an object
      sink.abort(e);
      throw e;
    }
    Instant finished = clock.instant();
    BackupManifest manifest = new BackupManifest(1, objectKey, started.toString(), finished.toString(),
        written.schemaVersion(), written.snapshotAt(), "gzip", "AES-256-GCM, 1 MiB segments (SegmentedAesGcm)",
        plainBytes.count(), objectBytes.count(), HexFormat.of().formatHex(sha.digest()), written.tables(),
        written.sequences());
    String manifestKey = base + ".manifest.json";
    BackupStorage.Upload out = storage.create(manifestKey, "application/json");
    try (Jsonb json = JsonbBuilder.create()) {
      out.write(json.toJson(manifest).getBytes(StandardCharsets.UTF_8));
      out.close();
    } catch (Exception | Error e) {
      out.abort(e);
      throw e;
    }
    catalogue.add(new BackupCatalogue.Entry(objectKey, manifestKey, instanceId, started, finished,
        objectBytes.count(), manifest.sha256(), manifest.schemaVersion(), false));
    LOG.info(() -> "database backup " + objectKey + ": " + manifest.tables().size() + " tables, "
        + manifest.objectBytes() + " bytes");
    return manifest;
  }

  public Optional<BackupCatalogue.Entry> backupOf(long instanceId) throws SQLException {
    return catalogue.ofInstance(instanceId);
  }

  public BackupManifest manifest(String objectKey) throws IOException {
    String manifestKey = objectKey.replaceFirst("\\.backup$", "") + ".manifest.json";
    try (InputStream in = storage.open(manifestKey); Jsonb json = JsonbBuilder.create()) {
      return json.fromJson(in, BackupManifest.class);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new SegmentedAesGcm.BackupCorrupted("the manifest of " + objectKey + " is unreadable");
    }
  }

  /**
   * Restores a backup into {@code targetDatabase} (on the application's server), which must have no tables. The
   * object's size and sha256 are checked against the manifest before anything is written.
   */
  public void restore(String objectKey, String targetDatabase) throws Exception {
    BackupManifest manifest = manifest(objectKey);
    checkObject(objectKey, manifest);
    DatabaseUrl target = target(targetDatabase);
    try (Connection c = connect(target)) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select count(*) from pg_tables where schemaname = 'public'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          throw new IllegalStateException("database " + targetDatabase + " is not empty; restore needs an empty one");
        }
      }
    }
    Properties credentials = credentials(target);
    Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
        .dataSource(target.jdbcUrl(), credentials.getProperty("user"), credentials.getProperty("password"))
        .locations("classpath:db/migration").callbackLocations("classpath:db/callback")
        .target(MigrationVersion.fromVersion(manifest.schemaVersion())).load().migrate();
    try (Connection c = connect(target)) {
      c.setAutoCommit(false);
      List<String> tables = DatabaseSnapshot.tablesInLoadOrder(c);
      if (!tables.isEmpty()) {
        try (Statement st = c.createStatement()) {
          // migrations may seed rows; the backup's rows replace them
          st.execute("truncate " + String.join(", ", tables.stream().map(t -> "public." + DatabaseSnapshot.quote(t))
              .toList()) + " cascade");
        }
      }
      try (InputStream in = new GZIPInputStream(cipher().decrypt(new BufferedInputStream(storage.open(objectKey),
          1 << 16)), 1 << 16)) {
        DatabaseSnapshot.load(c, in, manifest.sequences());
      }
      c.commit();
    }
    LOG.info(() -> "restored " + objectKey + " into database " + targetDatabase);
  }

  /** Restores into a scratch database, compares every table with the manifest, drops the scratch database. */
  public List<String> verify(String objectKey) throws Exception {
    BackupManifest manifest = manifest(objectKey);
    String scratch = (DatabaseUrl.parse(adminUrl()).database() + "_verify_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)).toLowerCase();
    if (scratch.length() > 63) {
      scratch = "mechanics_verify_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }
    createDatabase(scratch);
    try {
      restore(objectKey, scratch);
      List<BackupManifest.Table> restored;
      try (Connection c = connect(target(scratch))) {
        restored = DatabaseSnapshot.checksums(c);
      }
      List<String> differences = compare(manifest.tables(), restored);
      if (differences.isEmpty()) {
        catalogue.verified(objectKey);
      }
      return differences;
    } finally {
      dropDatabase(scratch);
    }
  }

  static List<String> compare(List<BackupManifest.Table> expected, List<BackupManifest.Table> actual) {
    List<String> differences = new ArrayList<>();
    for (BackupManifest.Table e : expected) {
      Optional<BackupManifest.Table> a = actual.stream().filter(t -> t.name().equals(e.name())).findFirst();
      if (a.isEmpty()) {
        differences.add(e.name() + ": missing after restore");
      } else if (a.get().rows() != e.rows() || !a.get().checksum().equals(e.checksum())) {
        differences.add(e.name() + ": " + e.rows() + " rows/" + e.checksum() + " in the backup, " + a.get().rows()
            + " rows/" + a.get().checksum() + " restored");
      }
    }
    return differences;
  }

  /**
   * Deletes backups older than BACKUP_RETENTION_DAYS, never the newest verified one (even if it is older).
   * Returns the deleted object keys.
   */
  public List<String> prune() throws Exception {
    Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(retentionDays));
    Optional<BackupCatalogue.Entry> keep = catalogue.lastGood();
    List<String> deleted = new ArrayList<>();
    for (String key : storage.list(PREFIX)) {
      if (!key.endsWith(".backup")) {
        continue;
      }
      String day = key.substring(PREFIX.length(), PREFIX.length() + 10);
      Instant dayStart;
      try {
        dayStart = java.time.LocalDate.parse(day).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      boolean protectedKey = keep.isPresent() && keep.get().objectKey().equals(key);
      if (dayStart.isBefore(cutoff) && !protectedKey) {
        storage.delete(key);
        storage.delete(key.replaceFirst("\\.backup$", "") + ".manifest.json");
        catalogue.deleted(key);
        deleted.add(key);
      }
    }
    LOG.info(() -> "backup retention (" + retentionDays + " days) deleted " + deleted.size() + " backups");
    return deleted;
  }

  private void checkObject(String objectKey, BackupManifest manifest) throws IOException {
    long size = storage.size(objectKey);
    if (size != manifest.objectBytes()) {
      throw new SegmentedAesGcm.BackupCorrupted("the object has " + size + " bytes, the manifest says "
          + manifest.objectBytes());
    }
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(storage.open(objectKey), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    if (!HexFormat.of().formatHex(sha.digest()).equals(manifest.sha256())) {
      throw new SegmentedAesGcm.BackupCorrupted("the object's sha256 differs from its manifest: it was changed");
    }
  }

  private SegmentedAesGcm cipher() {
    String key = !backupKey.isBlank() ? backupKey.trim() : encryptionKey.trim();
    if (key.isEmpty()) {
      throw new IllegalStateException("BACKUP_ENCRYPTION_KEY (or ENCRYPTION_KEY) is not set: backups are never "
          + "written unencrypted");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("BACKUP_ENCRYPTION_KEY is not base64");
    }
    return new SegmentedAesGcm(bytes);
  }

  private DatabaseUrl target(String database) {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("targetDatabase must be a plain lower-case database name");
    }
    DatabaseUrl app = DatabaseUrl.parse(adminUrl());
    return new DatabaseUrl(app.host(), app.port(), database, app.user(), app.password(), app.parameters());
  }

  private static Properties credentials(DatabaseUrl url) {
    Properties p = new Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    url.parameters().forEach(p::setProperty);
    return p;
  }

  private static Connection connect(DatabaseUrl url) throws SQLException {
    return new org.postgresql.Driver().connect(url.jdbcUrl(), credentials(url));
  }

  /** The scratch database belongs to the administrative role: the application's role may not create databases. */
  private void createDatabase(String name) throws SQLException {
    try (Connection c = adminDataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
  }

  private void dropDatabase(String name) {
    try (Connection c = adminDataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      LOG.warning(() -> "scratch database " + name + " not dropped: " + e.getMessage());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }
}
