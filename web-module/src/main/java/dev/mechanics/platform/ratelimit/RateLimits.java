package dev.mechanics.platform.ratelimit;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.SecurityEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.authentication.AuthXManager;

/**
 * The limits this API enforces, on the shared counters ({@code REDIS_URL}) or in-process: sign-in attempts
 * and failed sign-ins per client address, API calls per user. Over a limit: 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @Inject
  @ConfigProperty(name = "REDIS_URL")
  Optional<String> redisUrl;

  @Inject
  @ConfigProperty(name = "REDIS_KEY_PREFIX", defaultValue = "mechanics:")
  String keyPrefix;

  /** {@code url}: credentials from REDIS_URL; {@code entra}: the managed identity's Microsoft Entra token. */
  @Inject
  @ConfigProperty(name = "REDIS_AUTH", defaultValue = "url")
  String redisAuth;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_SIGNIN_PER_MINUTE", defaultValue = "20")
  int signInsPerMinute;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR", defaultValue = "50")
  int signInFailuresPerHour;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_API_PER_MINUTE", defaultValue = "600")
  int apiCallsPerMinute;

  @Inject
  SecurityEvents events;

  private FailoverRateLimiter limiter;

  @PostConstruct
  void connect() {
    if (redisUrl.isPresent() && !redisUrl.get().isBlank()) {
      limiter = new FailoverRateLimiter(redisUrl.get().trim(), redisAuthentication(), keyPrefix,
          Duration.ofMillis(500), Duration.ofSeconds(2));
    } else {
      LOG.warning("REDIS_URL is not set: rate limits are counted in this process only (one instance)");
      limiter = new FailoverRateLimiter();
    }
  }

  private AuthXManager redisAuthentication() {
    return switch (redisAuth.trim().toLowerCase(Locale.ROOT)) {
      case "url" -> null;
      case "entra" -> EntraRedisIdentity.authentication();
      default -> throw new IllegalArgumentException("REDIS_AUTH is invalid: expected url or entra");
    };
  }

  @PreDestroy
  void close() {
    limiter.close();
  }

  /** A sign-in (or sign-up, or refresh) from {@code address}: counted, refused over the per-minute limit. */
  public void signInAttempt(String address) {
    if (limiter.peek("signin-fail:" + address) >= signInFailuresPerHour) {
      refuse("signin-failures", "address", address, 60);
    }
    RateLimiter.Decision decision = limiter.hit("signin:" + address, signInsPerMinute, MINUTE);
    if (!decision.allowed()) {
      refuse("signin", "address", address, decision.retryAfterSeconds());
    }
  }

  public void signInFailed(String address) {
    limiter.hit("signin-fail:" + address, signInFailuresPerHour, HOUR);
  }

  public void apiCall(UUID userId) {
    RateLimiter.Decision decision = limiter.hit("user:" + userId, apiCallsPerMinute, MINUTE);
    if (!decision.allowed()) {
      refuse("api", "user", userId, decision.retryAfterSeconds());
    }
  }

  private void refuse(String limit, String what, Object who, long retryAfter) {
    events.record(SecurityEvents.RATE_LIMITED, Map.of("limit", limit, what, who));
    throw new DomainException.TooManyRequests("Too many requests; try again in " + retryAfter + " s", retryAfter);
  }

  public FailoverRateLimiter.Status probe() {
    return limiter.probe();
  }

  public String lastError() {
    return limiter.lastError();
  }
}
