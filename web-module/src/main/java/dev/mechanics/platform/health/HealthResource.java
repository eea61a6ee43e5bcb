package dev.mechanics.platform.health;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.platform.ratelimit.FailoverRateLimiter;
import dev.mechanics.platform.ratelimit.RateLimits;
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
import java.util.TreeMap;
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
  RateLimits rateLimits;

  @Inject
  FileStore files;

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
    // Redis only shares rate-limit counters between instances: when it is away the API keeps serving with
    // per-instance counting, so it degrades the status but never makes the service unhealthy
    long redisStart = System.nanoTime();
    FailoverRateLimiter.Status redis = rateLimits.probe();
    long redisMs = (System.nanoTime() - redisStart) / 1_000_000;
    Check redisCheck = switch (redis) {
      case UP -> new Check("healthy", redisMs, null);
      case DEGRADED -> new Check("degraded", redisMs, "Redis unreachable; rate limits counted per instance");
      case LOCAL_ONLY -> new Check("not-configured", 0, null);
    };
    Check storageCheck = storage();
    // Blob Storage holds attachments and backups: without it those fail, the rest of the API works
    boolean degraded = redis == FailoverRateLimiter.Status.DEGRADED
        || !"healthy".equals(storageCheck.status());
    String status = !healthy ? "unhealthy" : degraded ? "degraded" : "healthy";
    Health body = new Health(status, Instant.now().toString(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, version,
        new TreeMap<>(Map.of("database", dbCheck, "redis", redisCheck, "storage", storageCheck)));
    return Response.status(healthy ? 200 : 503).entity(body).build();
  }

  /** Lists at most one name of the uploads area: proves the store answers, costs one small request. */
  private Check storage() {
    long start = System.nanoTime();
    try {
      files.list(FileArea.UPLOADS, "health/", 1);
      return new Check("healthy", (System.nanoTime() - start) / 1_000_000, null);
    } catch (RuntimeException e) {
      // the class of the failure is enough to act on; messages can carry account names
      return new Check("unhealthy", (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
    }
  }
}
