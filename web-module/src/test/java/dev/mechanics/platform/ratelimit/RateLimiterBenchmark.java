package dev.mechanics.platform.ratelimit;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * What the rate limiter adds to each request: one Lua EVAL round trip to Redis (or a map update in-process).
 * A benchmark, not a test: it runs only with {@code -Dbench=true} and prints figures (bench/security.sh).
 */
class RateLimiterBenchmark {

  @Test
  void measureOverheadPerRequest() {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
    String prefix = "mechanics-bench-" + UUID.randomUUID() + ":";
    int n = Integer.getInteger("bench.requests", 20_000);
    try (FailoverRateLimiter redis = new FailoverRateLimiter("redis://127.0.0.1:6379", prefix, Duration.ofSeconds(1),
        Duration.ofSeconds(2))) {
      report("Redis (127.0.0.1:6379, Lua INCR+PEXPIRE)", redis, n);
    } finally {
      try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
        jedis.keys(prefix + "*").forEach(jedis::del);
      }
    }
    report("in-process (REDIS_URL unset)", new FailoverRateLimiter(), n);
  }

  private static void report(String what, RateLimiter limiter, int n) {
    for (int i = 0; i < 2_000; i++) {
      limiter.hit("warmup:" + (i % 50), 1_000_000, Duration.ofMinutes(1));
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      limiter.hit("user:" + (i % 200), 1_000_000, Duration.ofMinutes(1));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf("[bench] rate limiter %-42s n=%d  p50=%.1f us  p99=%.1f us  mean=%.1f us%n", what, n,
        nanos[n / 2] / 1000.0, nanos[(int) (n * 0.99)] / 1000.0, Arrays.stream(nanos).average().orElse(0) / 1000.0);
  }
}
