package dev.mechanics.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Fixed windows in Redis, shared by every instance: one Lua script increments the key and sets its expiry
 * atomically, so two instances never lose or double-count a hit. Keys live under {@code REDIS_KEY_PREFIX}.
 */
public class RedisRateLimiter implements RateLimiter {

  private static final String SCRIPT = """
      local count = redis.call('INCR', KEYS[1])
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {count, ttl}
      """;

  private final UnifiedJedis redis;
  private final String prefix;

  public RedisRateLimiter(UnifiedJedis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix + "ratelimit:";
  }

  @Override
  public Decision hit(String key, int limit, Duration window) {
    @SuppressWarnings("unchecked")
    List<Long> result = (List<Long>) redis.eval(SCRIPT, List.of(prefix + key),
        List.of(Long.toString(window.toMillis())));
    long count = result.get(0);
    long ttlMillis = result.get(1);
    return new Decision(count <= limit, count, Math.max(1, (ttlMillis + 999) / 1000));
  }

  @Override
  public long peek(String key) {
    String value = redis.get(prefix + key);
    return value == null ? 0 : Long.parseLong(value);
  }
}
