package dev.mechanics.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without the database: a load balancer stops sending traffic. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject
  DatabaseProbe probe;

  @Override
  public HealthCheckResponse call() {
    DatabaseProbe.Result result = probe.probe();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database").status(result.up())
        .withData("responseTimeMs", result.responseTimeMs());
    if (result.error() != null) {
      response.withData("error", result.error());
    }
    return response.build();
  }
}
