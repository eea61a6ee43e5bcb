package dev.mechanics.platform.ratelimit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis when it answers, the in-process limiter when it does not: a Redis outage degrades rate limiting to
 * per-instance counting instead of failing requests. After a failure Redis is tried again at most every
 * {@code retryInterval}; the first success switches back on its own.
 */
public class FailoverRateLimiter implements RateLimiter, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FailoverRateLimiter.class.getName());

  private final JedisPool pool;
  private final RedisRateLimiter redis;
  private final LocalRateLimiter local = new LocalRateLimiter();
  private final Duration retryInterval;
  private volatile boolean degraded;
  private volatile long retryAtMillis;
  private volatile String lastError;

  /** Health of the shared counters as {@code /api/v1/health} reports it. */
  public enum Status { UP, DEGRADED, LOCAL_ONLY }

  /** No Redis configured: in-process counting only (one instance). */
  public FailoverRateLimiter() {
    this.pool = null;
    this.redis = null;
    this.retryInterval = Duration.ZERO;
  }

  public FailoverRateLimiter(String redisUrl, String keyPrefix, Duration timeout, Duration retryInterval) {
    this.pool = pool(redisUrl, timeout);
    this.redis = new RedisRateLimiter(pool, keyPrefix);
    this.retryInterval = retryInterval;
  }

  static JedisPool pool(String redisUrl, Duration timeout) {
    URI uri = URI.create(redisUrl);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("REDIS_URL is invalid: expected redis://host:port or rediss://host:port");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("REDIS_URL is invalid: it names no host");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("rediss") ? 6380 : 6379;
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .ssl(scheme.equals("rediss"))
        .connectionTimeoutMillis((int) timeout.toMillis())
        .socketTimeoutMillis((int) timeout.toMillis());
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      String[] parts = userInfo.split(":", 2);
      String decodedUser = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length == 2) {
        if (!decodedUser.isEmpty()) {
          config.user(decodedUser);
        }
        config.password(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      } else {
        config.password(decodedUser);
      }
    }
    JedisClientConfig built = config.build();
    JedisPoolConfig poolConfig = new JedisPoolConfig();
    poolConfig.setMaxTotal(32);
    poolConfig.setMaxWait(timeout);
    poolConfig.setJmxEnabled(false);
    return new JedisPool(poolConfig, new HostAndPort(uri.getHost(), port), built);
  }

  @Override
  public Decision hit(String key, int limit, Duration window) {
    return withRedis(() -> redis.hit(key, limit, window), () -> local.hit(key, limit, window));
  }

  @Override
  public long peek(String key) {
    return withRedis(() -> redis.peek(key), () -> local.peek(key));
  }

  private <T> T withRedis(Supplier<T> shared, Supplier<T> fallback) {
    if (redis == null || (degraded && System.currentTimeMillis() < retryAtMillis)) {
      return fallback.get();
    }
    try {
      T result = shared.get();
      if (degraded) {
        degraded = false;
        LOG.info("event=redis.recovered rate limits are shared through Redis again");
      }
      return result;
    } catch (JedisException | ClassCastException e) {
      if (!degraded) {
        LOG.warning("event=redis.degraded rate limits fall back to this instance: " + e.getClass().getSimpleName());
      }
      degraded = true;
      lastError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
      retryAtMillis = System.currentTimeMillis() + retryInterval.toMillis();
      return fallback.get();
    }
  }

  /** Checks Redis now (for health) and reports the state. */
  public Status probe() {
    if (redis == null) {
      return Status.LOCAL_ONLY;
    }
    try (var connection = pool.getResource()) {
      connection.ping();
      if (degraded) {
        degraded = false;
        LOG.info("event=redis.recovered rate limits are shared through Redis again");
      }
      return Status.UP;
    } catch (JedisException e) {
      degraded = true;
      lastError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
      retryAtMillis = System.currentTimeMillis() + retryInterval.toMillis();
      return Status.DEGRADED;
    }
  }

  public boolean isDegraded() {
    return degraded;
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
