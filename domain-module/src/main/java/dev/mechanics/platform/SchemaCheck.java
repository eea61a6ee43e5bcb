package dev.mechanics.platform;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's schema validation, run after the migration instead of while the SessionFactory is built:
 * persistence.xml sets {@code hibernate.hbm2ddl.auto=none} so that Hibernate boots without a database, and this
 * asks for exactly what {@code validate} did (ADR 0055).
 */
final class SchemaCheck {

  private final Metadata metadata;
  private final ServiceRegistry serviceRegistry;
  private final Map<String, Object> settings;

  SchemaCheck(Metadata metadata, ServiceRegistry serviceRegistry) {
    this.metadata = metadata;
    this.serviceRegistry = serviceRegistry;
    this.settings = new HashMap<>(serviceRegistry.requireService(ConfigurationService.class).getSettings());
    this.settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "validate");
  }

  /** Throws Hibernate's SchemaManagementException when a mapped table or column is missing or of another type. */
  void validate() {
    SchemaManagementToolCoordinator.process(metadata, serviceRegistry, settings,
        DelayedDropRegistryNotAvailableImpl.INSTANCE);
  }
}
