package dev.mechanics.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the Flyway migrations while Hibernate builds its SessionFactory, before schema validation.
 *
 * <p>Liberty builds the persistence unit before any CDI or servlet start-up hook runs, so this is the only
 * place where migrations are guaranteed to precede the first use of JPA (LIBERTY-NOTES). Hibernate's schema
 * validation runs here too, after the migration ({@link SchemaCheck}). When the database does not answer, the
 * application deploys anyway and {@link StartupMigration} retries in the background (ADR 0055).
 */
public class FlywayMigrationIntegrator implements Integrator {

  private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

  private volatile StartupMigration retrying;

  @Override
  public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                        SessionFactoryImplementor sessionFactory) {
    DataSource dataSource = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class)
        .unwrap(DataSource.class);
    // configuration and JNDI are read here, on the deploying thread; a retry runs on a thread of its own
    DataSource owner = migrationDataSource();
    String applicationUrl = ConfigProvider.getConfig().getOptionalValue("DATABASE_URL", String.class).orElse("");
    SchemaCheck check = new SchemaCheck(metadata, sessionFactory.getServiceRegistry());
    Runnable migration = () -> migrate(dataSource, owner, applicationUrl, check);
    if (StartupMigration.attempt(migration)) {
      return;
    }
    // Hibernate itself needs no connection to boot (persistence.xml): deploy, stay not ready, keep trying
    LOG.warning("The database does not answer at start (" + SchemaState.lastError() + "): the "
        + "application starts not ready and migrates as soon as it answers");
    SchemaState.set(SchemaState.Phase.WAITING_FOR_DATABASE);
    retrying = StartupMigration.start(migration, StartupMigration.limit());
  }

  private static void migrate(DataSource dataSource, DataSource owner, String applicationUrl, SchemaCheck check) {
    if (owner != null) {
      provisionApplicationRole(owner, applicationUrl);
    }
    MigrateResult result = Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
        .dataSource(owner == null ? dataSource : owner)
        .locations("classpath:db/migration")
        .callbackLocations("classpath:db/callback")
        .baselineOnMigrate(false)
        .validateMigrationNaming(true)
        .load()
        .migrate();
    if (owner != null) {
      grantToApplication(owner, dataSource);
    }
    // targetSchemaVersion is null when nothing was applied: the schema is then still at its initial version
    String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
        + " migrations applied now)");
    check.validate();
  }

  /**
   * With {@code DATABASE_MIGRATION_URL} set, migrations run as that (owner) role through the
   * {@code jdbc/mechanicsMigration} datasource, and the application's own role (from {@code DATABASE_URL}) owns
   * nothing: it cannot drop or alter tables, and cannot rewrite the audit trail.
   */
  private static DataSource migrationDataSource() {
    String url = ConfigProvider.getConfig()
        .getOptionalValue(MIGRATION_VARIABLE, String.class).orElse("");
    if (url.isBlank() || "not-set".equals(url)) {
      return null;
    }
    try {
      return (DataSource) new InitialContext().lookup("jdbc/mechanicsMigration");
    } catch (NamingException e) {
      throw new IllegalStateException(MIGRATION_VARIABLE + " is set but the jdbc/mechanicsMigration datasource is "
          + "missing from server.xml", e);
    }
  }

  static final String MIGRATION_VARIABLE = "DATABASE_MIGRATION_URL";

  /** The role DATABASE_URL names exists, with DATABASE_URL's password, before the application connects as it. */
  private static void provisionApplicationRole(DataSource owner, String url) {
    ApplicationRole role = ApplicationRole.fromDatabaseUrl(url).orElse(null);
    if (role == null) {
      return;
    }
    try (java.sql.Connection admin = owner.getConnection()) {
      if (role.name().equals(admin.getMetaData().getUserName())) {
        return; // the same role: grantToApplication says so
      }
      if (role.provision(admin)) {
        LOG.info(() -> "Created the application's database role " + role.name() + " (data rights follow the migrations)");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot provision the application's database role " + role.name() + ": "
          + e.getMessage(), e);
    }
  }

  /** Data rights only, and the audit trail append-only; run after every migration so new tables are covered. */
  private static void grantToApplication(DataSource owner, DataSource application) {
    try (Connection app = application.getConnection();
         Connection admin = owner.getConnection();
         Statement st = admin.createStatement()) {
      String appRole = app.getMetaData().getUserName();
      String ownerRole = admin.getMetaData().getUserName();
      if (appRole.equals(ownerRole)) {
        LOG.warning(MIGRATION_VARIABLE + " names the same role as DATABASE_URL: the application still owns its "
            + "tables");
        return;
      }
      String role = "\"" + appRole.replace("\"", "\"\"") + "\"";
      st.execute("grant usage on schema public to " + role);
      st.execute("grant select, insert, update, delete on all tables in schema public to " + role);
      st.execute("revoke all on flyway_schema_history from " + role);
      st.execute("revoke update, delete, truncate on audit_events from " + role);
      st.execute("grant usage, select on all sequences in schema public to " + role);
      // Liberty's Jakarta Batch job repository (V31) is read and written by the application
      st.execute("grant usage on schema batch to " + role);
      st.execute("grant select, insert, update, delete on all tables in schema batch to " + role);
      st.execute("grant usage, select on all sequences in schema batch to " + role);
      LOG.info(() -> "Migrations ran as the owner role; the application role has data rights only");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot grant the application role its rights: " + e.getMessage(), e);
    }
  }

  @Override
  public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    StartupMigration r = retrying;
    if (r != null) {
      r.stop(); // the application stops before the database came back
    }
  }
}
