package dev.mechanics.backup;

import dev.mechanics.platform.datasource.DatabaseUrl;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;

/**
 * Backups, restores and scratch databases are administrative work: done as the owner role when migrations have
 * one (DATABASE_MIGRATION_URL; the application role owns nothing and may not read the migration history), else
 * as the application.
 */
@ApplicationScoped
public class AdminDatabase {

  private static final Logger LOG = Logger.getLogger(AdminDatabase.class.getName());

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  /** The owner role's connections (DATABASE_MIGRATION_URL), when configured: backups read every table. */
  @Resource(lookup = "jdbc/mechanicsMigration")
  DataSource ownerDataSource;

  @Inject
  @ConfigProperty(name = "DATABASE_MIGRATION_URL", defaultValue = "not-set")
  String migrationUrl;

  @Inject
  @ConfigProperty(name = "DATABASE_URL", defaultValue = "not-set")
  String databaseUrl;

  private boolean ownerConfigured() {
    return migrationUrl != null && !migrationUrl.isBlank() && !"not-set".equals(migrationUrl);
  }

  private String url() {
    return ownerConfigured() ? migrationUrl : databaseUrl;
  }

  /** The pool of the administrative role: the owner role's when configured. */
  DataSource dataSource() {
    return ownerConfigured() ? ownerDataSource : dataSource;
  }

  /** Another database on the application's server, reached as the administrative role. */
  DatabaseUrl target(String database) {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("targetDatabase must be a plain lower-case database name");
    }
    DatabaseUrl app = DatabaseUrl.parse(url());
    return new DatabaseUrl(app.host(), app.port(), database, app.user(), app.password(), app.parameters());
  }

  /** A name for a scratch database beside the application's (at most 63 characters). */
  String scratchName() {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    String scratch = (DatabaseUrl.parse(url()).database() + "_verify_" + suffix).toLowerCase(Locale.ROOT);
    return scratch.length() > 63 ? "mechanics_verify_" + suffix : scratch;
  }

  static Properties credentials(DatabaseUrl url) {
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

  static Connection connect(DatabaseUrl url) throws SQLException {
    return new Driver().connect(url.jdbcUrl(), credentials(url));
  }

  /** The scratch database belongs to the administrative role: the application's role may not create databases. */
  void createDatabase(String name) throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
  }

  void dropDatabase(String name) {
    try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      LOG.warning(() -> "scratch database " + name + " not dropped: " + e.getMessage());
    }
  }
}
