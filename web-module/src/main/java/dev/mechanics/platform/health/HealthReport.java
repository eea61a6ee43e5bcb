package dev.mechanics.platform.health;

import dev.mechanics.files.FileStore;
import dev.mechanics.platform.ratelimit.FailoverRateLimiter;
import dev.mechanics.platform.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seed's health document, probed at most once every {@link #FRESH_FOR}: the endpoint is anonymous, so
 * however often it is called the database, Redis and Blob Storage see one probe each per interval (issue
 * 15.10). Concurrent callers of a stale report wait for the one probe under way.
 */
@ApplicationScoped
public class HealthReport {

  static final Duration FRESH_FOR = Duration.ofSeconds(5);

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

  /** A probe's result and when it was taken. */
  public record Probed(Health health, boolean healthy, long takenAtNanos) {
  }

  private volatile Probed last;

  public Probed current() {
    Probed probed = last;
    if (probed != null && System.nanoTime() - probed.takenAtNanos() < FRESH_FOR.toNanos()) {
      return probed;
    }
    synchronized (this) {
      probed = last;
      if (probed == null || System.nanoTime() - probed.takenAtNanos() >= FRESH_FOR.toNanos()) {
        probed = probe();
        last = probed;
      }
      return probed;
    }
  }

  private Probed probe() {
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
    boolean degraded = redis == FailoverRateLimiter.Status.DEGRADED || !"healthy".equals(storageCheck.status());
    String status = !healthy ? "unhealthy" : degraded ? "degraded" : "healthy";
    Health body = new Health(status, Instant.now().toString(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, version,
        new TreeMap<>(Map.of("database", dbCheck, "redis", redisCheck, "storage", storageCheck)));
    return new Probed(body, healthy, System.nanoTime());
  }

  /** One small request to the store (FileStore#probe): proves it answers, never walks the files. */
  private Check storage() {
    long start = System.nanoTime();
    try {
      files.probe();
      return new Check("healthy", (System.nanoTime() - start) / 1_000_000, null);
    } catch (RuntimeException e) {
      // the class of the failure is enough to act on; messages can carry account names
      return new Check("unhealthy", (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
    }
  }
}
