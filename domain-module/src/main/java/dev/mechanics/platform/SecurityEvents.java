package dev.mechanics.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Security events: one structured log line {@code event=security.<kind> key=value ...} and one increment of
 * the counter {@code security_events_total{kind="<kind>"}}, so an alert can be set on either. Values must
 * never carry secrets or personal data (ids and client addresses only).
 */
@ApplicationScoped
public class SecurityEvents {

  public static final String LOGIN_FAILED = "login_failed";
  public static final String LOCKOUT = "lockout";
  public static final String REFRESH_REUSE = "refresh_reuse";
  public static final String FORBIDDEN = "forbidden";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String INVALID_TOKEN = "invalid_token";
  public static final String SESSION_REVOKED = "session_revoked";

  private static final Logger LOG = Logger.getLogger("dev.mechanics.security");

  @Inject
  MetricRegistry metrics;

  public void record(String kind, Map<String, ?> details) {
    StringBuilder line = new StringBuilder("event=security.").append(kind);
    new TreeMap<>(details).forEach((key, value) -> {
      if (value != null) {
        line.append(' ').append(key).append('=').append(clean(String.valueOf(value)));
      }
    });
    LOG.warning(line.toString());
    if (metrics != null) {
      metrics.counter("security_events", new Tag("kind", kind)).inc();
    }
  }

  /** Keeps a log line one line and parseable whatever a client sent. */
  private static String clean(String value) {
    String v = value.length() > 120 ? value.substring(0, 120) : value;
    return v.replaceAll("[\\s\"=\\p{Cntrl}]", "_");
  }
}
