package dev.mechanics.platform;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's schema validation, run after the migration instead of while the SessionFactory is built:
 * persistence.xml sets {@code hibernate.hbm2ddl.auto=none} so that Hibernate boots without a database, and this
 * runs exactly the {@code validate} action it used to run (ADR 0055). The action is asked for directly: through
 * the settings, the persistence unit's "none" wins.
 */
final class SchemaCheck {

  private final Metadata metadata;
  private final ServiceRegistry serviceRegistry;
  private final Map<String, Object> settings;

  SchemaCheck(Metadata metadata, ServiceRegistry serviceRegistry) {
    this.metadata = metadata;
    this.serviceRegistry = serviceRegistry;
    this.settings = new HashMap<>(serviceRegistry.requireService(ConfigurationService.class).getSettings());
  }

  /** Throws Hibernate's SchemaManagementException when a mapped table or column is missing or of another type. */
  void validate() {
    SchemaManagementToolCoordinator.performDatabaseAction(Action.VALIDATE, metadata,
        serviceRegistry.requireService(SchemaManagementTool.class), serviceRegistry,
        SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE),
        ContributableMatcher.ALL);
  }
}
