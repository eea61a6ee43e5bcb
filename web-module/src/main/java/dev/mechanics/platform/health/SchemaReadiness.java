package dev.mechanics.platform.health;

import dev.mechanics.platform.SchemaState;
import dev.mechanics.platform.lifecycle.AfterMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the schema is migrated and checked and the start-up work that needs it is done: an instance
 * started while the database was away deploys and waits here (ADR 0055). Reads state only, never the database.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject
  AfterMigration afterMigration;

  @Override
  public HealthCheckResponse call() {
    SchemaState.Phase phase = SchemaState.phase();
    int pending = afterMigration.pending();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database-schema")
        .status(phase == SchemaState.Phase.READY && pending == 0)
        .withData("phase", phase.name().toLowerCase(Locale.ROOT));
    if (phase != SchemaState.Phase.READY) {
      response.withData("attempts", SchemaState.attempts());
      if (SchemaState.lastError() != null) {
        response.withData("error", SchemaState.lastError());
      }
    }
    if (pending > 0) {
      response.withData("startUpWorkPending", pending);
    }
    return response.build();
  }
}
