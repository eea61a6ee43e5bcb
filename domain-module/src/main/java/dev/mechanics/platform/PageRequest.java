package dev.mechanics.platform;

import java.util.UUID;

/** Where a list starts ({@code after}, exclusive; null for the first page) and how many items it holds. */
public record PageRequest(UUID after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }
}
