package dev.mechanics.platform.observability;

import java.util.HashSet;
import java.util.Set;

/**
 * The values of a metric tag that grows with the tenants (a shop's id), capped: the first {@code limit} distinct
 * values each keep a series of their own, every later one is counted under {@value #OTHER}. The number of series
 * (in the registry, at Azure Monitor and in any scraper) then stays bounded however many shops sign up; totals
 * stay right, only the split of the newest shops is lost. One cap per instance, set by
 * {@code METRICS_SHOP_TAG_LIMIT}.
 */
public final class BoundedTagValues {

  public static final String OTHER = "other";
  private final int limit;
  private final Set<String> kept = new HashSet<>();

  public BoundedTagValues(int limit) {
    this.limit = Math.max(0, limit);
  }

  /** {@code value} while it is one of the first {@code limit} values seen, else {@value #OTHER}. */
  public synchronized String of(String value) {
    if (kept.contains(value)) {
      return value;
    }
    if (kept.size() < limit) {
      kept.add(value);
      return value;
    }
    return OTHER;
  }
}
