package dev.mechanics.platform.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once SIGTERM arrived: the load balancer takes the instance out before Liberty stops it. */
@Readiness
@ApplicationScoped
public class DrainingReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting-traffic").status(!GracefulShutdown.draining()).build();
  }
}
