package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import java.util.UUID;

/** Ids taken from URLs: a malformed id names nothing, so it is a 404 like an unknown one. */
public final class PathIds {

  private PathIds() {
  }

  public static UUID of(String what, String text) {
    return Ids.parse(text).orElseThrow(() -> new DomainException.NotFound(what, "'" + abbreviate(text)
        + "' (not a valid id)"));
  }

  private static String abbreviate(String text) {
    String safe = text == null ? "" : text.replaceAll("[^A-Za-z0-9-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
  }
}
