package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code If-Match} for settings versioned by a digest of their content ({@code ContentVersion}): the tax rates
 * and the board of a shop. Optional, so scripts that replace them whatever they are keep working; the app
 * always sends the ETag it read.
 */
public final class ContentTags {

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7e]*)\"");

  private ContentTags() {
  }

  /** The version {@code If-Match} names; null when absent or {@code *} (whatever it is now); 400 when malformed. */
  public static String expected(String ifMatch, String what) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher tag = TAG.matcher(ifMatch.strip());
    if (!tag.matches()) {
      throw new DomainException.Malformed("If-Match", "If-Match must be one ETag of a previous read of the "
          + what + ", or *");
    }
    return tag.group(1);
  }
}
