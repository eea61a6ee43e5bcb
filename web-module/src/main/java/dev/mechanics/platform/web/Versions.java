package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags are the aggregate's optimistic-lock version; {@code If-Match} must name the version being changed
 * (RFC 9110 section 13.1.1):
 * <ul>
 *   <li>absent: 428 (an update must say which version it changes);</li>
 *   <li>not an entity tag at all: 400;</li>
 *   <li>a well-formed tag that is none of ours ({@code "abc"}): it matches no version, 412;</li>
 *   <li>our tag ({@code "3"}, weak or strong): that version; another current version answers 412;</li>
 *   <li>{@code *}: "whatever the current version is", as RFC 9110 defines it: the change applies to the version
 *       the server holds (the caller gives up the lost-update check on purpose). See README, API conventions.</li>
 * </ul>
 * A list of tags names several versions; an update changes one, so a list is a 400.
 */
public final class Versions {

  /** {@code If-Match: *}: any current version ({@link TenantOwnedEntity#ANY_VERSION}). */
  public static final long ANY = TenantOwnedEntity.ANY_VERSION;
  private static final Pattern TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"");
  private static final Pattern OURS = Pattern.compile("\\d{1,18}");

  private Versions() {
  }

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version named by {@code If-Match} ({@link #ANY} for {@code *}); 428 when absent, see the class. */
  public static long required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequired();
    }
    String value = ifMatch.strip();
    if (value.equals("*")) {
      return ANY;
    }
    List<String> tags = new ArrayList<>();
    for (String part : value.split(",")) {
      Matcher m = TAG.matcher(part.strip());
      if (!m.matches()) {
        throw new DomainException.Malformed("If-Match", "If-Match must be the ETag of a previous read, such as "
            + "\"3\", or *");
      }
      tags.add(m.group(1));
    }
    if (tags.size() > 1) {
      throw new DomainException.Malformed("If-Match", "If-Match must name one version: the ETag of a previous "
          + "read, such as \"3\", or *");
    }
    if (!OURS.matcher(tags.get(0)).matches()) {
      throw new PreconditionFailed();
    }
    return Long.parseLong(tags.get(0));
  }

  /** Like {@link #required} but absent is allowed (deletes): null means "whatever the version". */
  public static Long optional(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
  }
}
