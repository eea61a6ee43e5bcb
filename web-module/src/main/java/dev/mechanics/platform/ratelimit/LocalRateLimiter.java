package dev.mechanics.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-process fixed windows: used when {@code REDIS_URL} is unset, and while Redis is unreachable. */
public class LocalRateLimiter implements RateLimiter {

  private static final int SWEEP_EVERY = 10_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private int sinceSweep;

  private record Window(long endsAtMillis, long count) {
  }

  @Override
  public Decision hit(String key, int limit, Duration window) {
    long now = System.currentTimeMillis();
    Window current = windows.compute(key, (k, w) -> w == null || w.endsAtMillis() <= now
        ? new Window(now + window.toMillis(), 1) : new Window(w.endsAtMillis(), w.count() + 1));
    sweep(now);
    return new Decision(current.count() <= limit, current.count(), secondsUntil(current.endsAtMillis(), now));
  }

  @Override
  public long peek(String key) {
    Window w = windows.get(key);
    return w == null || w.endsAtMillis() <= System.currentTimeMillis() ? 0 : w.count();
  }

  private void sweep(long now) {
    if (++sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      windows.values().removeIf(w -> w.endsAtMillis() <= now);
    }
  }

  static long secondsUntil(long endsAtMillis, long now) {
    return Math.max(1, (endsAtMillis - now + 999) / 1000);
  }
}
