package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETags are the aggregate's optimistic-lock version; {@code If-Match} must name the version being changed. */
public final class Versions {

  private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

  private Versions() {
  }

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version named by {@code If-Match}; 428 when absent, 400 when it is not one of our tags. */
  public static long required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequired();
    }
    Matcher m = TAG.matcher(ifMatch);
    if (!m.matches()) {
      throw new DomainException.Malformed("If-Match", "If-Match must be the ETag of a previous read, such as \"3\"");
    }
    return Long.parseLong(m.group(1));
  }

  /** Like {@link #required} but absent is allowed (deletes): null means "whatever the version". */
  public static Long optional(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
  }
}
