package dev.mechanics.platform;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the Flyway migrations while Hibernate builds its SessionFactory, before schema validation.
 *
 * <p>Liberty builds the persistence unit before any CDI or servlet start-up hook runs, so this is the only
 * place where migrations are guaranteed to precede the first use of JPA (LIBERTY-NOTES).
 */
public class FlywayMigrationIntegrator implements Integrator {

  private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

  @Override
  public void integrate(Metadata metadata, org.hibernate.boot.spi.BootstrapContext bootstrapContext,
                        SessionFactoryImplementor sessionFactory) {
    DataSource dataSource = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class)
        .unwrap(DataSource.class);
    MigrateResult result = Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .callbackLocations("classpath:db/callback")
        .baselineOnMigrate(false)
        .validateMigrationNaming(true)
        .load()
        .migrate();
    LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
        + " migrations applied now)");
  }

  @Override
  public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // nothing to release
  }
}
