package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Ids;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ids as a request carries them, parsed here and nowhere else, by one rule: an id that is not a UUID names
 * nothing. In the path it is a 404 like an unknown id (the path names the resource); in a query parameter or a
 * body field it is a 400 naming the field ("customerId must be an id"). A well-formed id that names nothing is
 * the service's to answer (404 in the path, 422 in a body).
 */
public final class RequestIds {

  private RequestIds() {
  }

  /** The id in a path segment, as the given id type ({@code Id::new}). */
  public static <T> T path(String what, String text, Function<UUID, T> type) {
    return type.apply(path(what, text));
  }

  public static UUID path(String what, String text) {
    return Ids.parse(text).orElseThrow(() -> new DomainException.NotFound(what, "'" + abbreviate(text)
        + "' (not a valid id)"));
  }

  /** The id in a query parameter or a body field; null or blank is "not given" (null). */
  public static <T> T field(String field, String text, Function<UUID, T> type) {
    UUID id = field(field, text);
    return id == null ? null : type.apply(id);
  }

  public static UUID field(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Ids.parse(text.trim()).orElseThrow(() -> new DomainException.Malformed(field, field + " must be an id"));
  }

  private static String abbreviate(String text) {
    String safe = text == null ? "" : text.replaceAll("[^A-Za-z0-9-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
  }
}
