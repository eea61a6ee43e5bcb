package dev.mechanics.platform.health;

import dev.mechanics.platform.SchemaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/**
 * The process is alive and started; carries version and uptime so /health shows them too. DOWN only when the
 * start-up migration gave up (ADR 0055).
 */
@Liveness
@Startup
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

  @Inject
  @ConfigProperty(name = "APP_VERSION", defaultValue = "dev")
  String version;

  @Override
  public HealthCheckResponse call() {
    // the start-up migration gave up (ADR 0055): a restart is what helps, and only the platform can do it
    return HealthCheckResponse.named("application").status(SchemaState.phase() != SchemaState.Phase.FAILED)
        .withData("version", version)
        .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
        .withData("timestamp", Instant.now().toString())
        .build();
  }
}
