package dev.mechanics.platform;

import java.util.UUID;

/**
 * Who made the current request and its request id, bound to the thread by the web layer so that the audit
 * trail can say who did what without the domain knowing HTTP.
 */
public final class RequestOrigin {

  public record Origin(UUID userId, String requestId) {
  }

  private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

  private RequestOrigin() {
  }

  public static void bind(UUID userId, String requestId) {
    CURRENT.set(new Origin(userId, requestId));
  }

  public static Origin current() {
    Origin origin = CURRENT.get();
    return origin == null ? new Origin(null, null) : origin;
  }

  public static void clear() {
    CURRENT.remove();
  }
}
