package dev.mechanics.platform.ratelimit;

import java.time.Duration;

/** Fixed-window counters: how many times a key was hit in the current window, and whether that is allowed. */
public interface RateLimiter {

  /** Counts one hit of {@code key} and says whether it is within {@code limit} per {@code window}. */
  Decision hit(String key, int limit, Duration window);

  /** The hits counted so far in the current window, without counting one. */
  long peek(String key);

  /** {@code retryAfterSeconds} is when the current window ends (at least 1). */
  record Decision(boolean allowed, long count, long retryAfterSeconds) {
  }
}
