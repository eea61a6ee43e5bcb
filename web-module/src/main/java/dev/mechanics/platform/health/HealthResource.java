package dev.mechanics.platform.health;

import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seed's health document ({@code status, timestamp, uptime, version, checks}); 503 when a required
 * dependency is down. It lives at {@code /api/v1/health} because Liberty's MicroProfile Health owns
 * {@code /health} (see docs/adr/0003-health-endpoints.md).
 */
@Path("/health")
@Public
public class HealthResource {

  @Inject
  DatabaseProbe database;

  @Inject
  @ConfigProperty(name = "APP_VERSION", defaultValue = "dev")
  String version;

  @JsonbPropertyOrder({"status", "timestamp", "uptime", "version", "checks"})
  public record Health(String status, String timestamp, double uptime, String version, Map<String, Check> checks) {
  }

  @JsonbPropertyOrder({"status", "responseTime", "error"})
  public record Check(String status, long responseTime, String error) {
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    DatabaseProbe.Result db = database.probe();
    Check dbCheck = new Check(db.up() ? "healthy" : "unhealthy", db.responseTimeMs(), db.error());
    boolean healthy = db.up();
    Health body = new Health(healthy ? "healthy" : "unhealthy", Instant.now().toString(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, version, Map.of("database", dbCheck));
    return Response.status(healthy ? 200 : 503).entity(body).build();
  }
}
