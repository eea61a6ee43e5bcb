package dev.mechanics.backup;

import dev.mechanics.platform.FlywayMigrationIntegrator;
import dev.mechanics.platform.datasource.DatabaseUrl;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Database backup, restore and verify: snapshot -> gzip -> segmented AES-256-GCM -> sha256 -> backup
 * container, in constant memory; restore checks size and sha256 first, then decrypts (each segment
 * authenticated), creates the schema with the migrations up to the backup's version and loads the rows;
 * verify restores into a scratch database and compares every table with the manifest.
 */
@ApplicationScoped
public class DatabaseBackupService {

  static final String PREFIX = "db-backup/";
  private static final Logger LOG = Logger.getLogger(DatabaseBackupService.class.getName());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

  @Inject
  AdminDatabase admin;

  @Inject
  BackupCipher cipher;

  @Inject
  BackupStorage storage;

  @Inject
  BackupCatalogue catalogue;

  private final Clock clock = Clock.systemUTC();

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
    try (Connection connection = admin.dataSource().getConnection()) {
      objectBytes = new CountingOutputStream(new DigestOutputStream(new BufferedOutputStream(sink, 1 << 16), sha));
      OutputStream gzip = new GZIPOutputStream(cipher.cipher().encrypt(objectBytes), 1 << 16) {
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

  /** The manifest's object key beside a backup object's. */
  static String manifestKeyOf(String objectKey) {
    return objectKey.replaceFirst("\\.backup$", "") + ".manifest.json";
  }

  public Optional<BackupCatalogue.Entry> backupOf(long instanceId) throws SQLException {
    return catalogue.ofInstance(instanceId);
  }

  public BackupManifest manifest(String objectKey) throws IOException {
    try (InputStream in = storage.open(manifestKeyOf(objectKey)); Jsonb json = JsonbBuilder.create()) {
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
    DatabaseUrl target = admin.target(targetDatabase);
    try (Connection c = AdminDatabase.connect(target)) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select count(*) from pg_tables where schemaname = 'public'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          throw new IllegalStateException("database " + targetDatabase + " is not empty; restore needs an empty one");
        }
      }
    }
    Properties credentials = AdminDatabase.credentials(target);
    Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
        .dataSource(target.jdbcUrl(), credentials.getProperty("user"), credentials.getProperty("password"))
        .locations("classpath:db/migration").callbackLocations("classpath:db/callback")
        .target(MigrationVersion.fromVersion(manifest.schemaVersion())).load().migrate();
    try (Connection c = AdminDatabase.connect(target)) {
      c.setAutoCommit(false);
      List<String> tables = DatabaseSnapshot.tablesInLoadOrder(c);
      if (!tables.isEmpty()) {
        try (Statement st = c.createStatement()) {
          // migrations may seed rows; the backup's rows replace them
          st.execute("truncate " + String.join(", ", tables.stream().map(t -> "public." + DatabaseSnapshot.quote(t))
              .toList()) + " cascade");
        }
      }
      try (InputStream in = new GZIPInputStream(cipher.cipher().decrypt(new BufferedInputStream(storage.open(objectKey),
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
    String scratch = admin.scratchName();
    admin.createDatabase(scratch);
    try {
      restore(objectKey, scratch);
      List<BackupManifest.Table> restored;
      try (Connection c = AdminDatabase.connect(admin.target(scratch))) {
        restored = DatabaseSnapshot.checksums(c);
      }
      List<String> differences = compare(manifest.tables(), restored);
      if (differences.isEmpty()) {
        catalogue.verified(objectKey);
      }
      return differences;
    } finally {
      admin.dropDatabase(scratch);
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
