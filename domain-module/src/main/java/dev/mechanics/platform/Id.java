package dev.mechanics.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a {@code T} ({@code Id<Shop>}, {@code Id<WorkOrder>}): typed, so that a shop's id cannot be passed
 * where a customer's belongs. Services take these at their boundary; entities keep plain UUIDs for JPA.
 */
public record Id<T>(UUID value) {

  public Id {
    Objects.requireNonNull(value, "id");
  }

  /** The UUID itself, as it appears in URLs, JSON and messages. */
  @Override
  public String toString() {
    return value.toString();
  }
}
