package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A page of a list as JSON: {@code {"items": [...], "next": "<cursor>"}}. Cursors are opaque to clients
 * (base64url of the last id), and {@code limit} is capped at {@value PageRequest#MAX_LIMIT}.
 */
public record Listing<T>(List<T> items, String next) {

  public static <E, T> Listing<T> of(Page<E> page, Function<E, T> view) {
    return new Listing<>(page.items().stream().map(view).toList(), cursorOf(page.nextAfter()));
  }

  public static PageRequest request(String limit, String after) {
    int size = PageRequest.DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        throw new DomainException.Malformed("limit", "limit must be a whole number between 1 and "
            + PageRequest.MAX_LIMIT);
      }
      if (size < 1) {
        throw new DomainException.Malformed("limit", "limit must be a whole number between 1 and "
            + PageRequest.MAX_LIMIT);
      }
      size = Math.min(size, PageRequest.MAX_LIMIT);
    }
    return new PageRequest(after == null || after.isBlank() ? null : idOfCursor(after), size);
  }

  static String cursorOf(UUID id) {
    return id == null ? null
        : Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
  }

  static UUID idOfCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
      return Ids.parse(text).orElseThrow(IllegalArgumentException::new);
    } catch (IllegalArgumentException e) {
      throw new DomainException.Malformed("after", "after must be the 'next' cursor of a previous page");
    }
  }
}
