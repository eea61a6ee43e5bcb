package dev.mechanics.tenancy;

import dev.mechanics.platform.notify.DatabaseListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Hears the changes to callers committed by any instance (V118's NOTIFY on {@code caller_changes}, through this
 * instance's one {@link DatabaseListener}) and drops them from this instance's {@link CallerCache}. While the
 * listening connection is down nothing is heard, so the whole cache is dropped when it fails and again on every
 * (re)connect, and the cache's time-to-live bounds what a lost notification can cost (docs/adr/0051).
 */
@ApplicationScoped
public class CallerChangesHandler implements DatabaseListener.Handler {

  static final String CHANNEL = "caller_changes";

  @Inject
  CallerCache cache;

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void connected(Connection c) {
    // what was announced while nobody listened is unknown: forget everything
    cache.evictAll();
  }

  @Override
  public void notified(Connection c, List<String> payloads) {
    payloads.forEach(this::apply);
  }

  @Override
  public void disconnected() {
    cache.evictAll();
  }

  private void apply(String payload) {
    try {
      if (payload.startsWith("session:")) {
        cache.evictSession(UUID.fromString(payload.substring("session:".length())));
      } else if (payload.startsWith("user:")) {
        cache.evictUser(UUID.fromString(payload.substring("user:".length())));
      } else {
        cache.evictAll();
      }
    } catch (IllegalArgumentException e) {
      cache.evictAll();
    }
  }
}
