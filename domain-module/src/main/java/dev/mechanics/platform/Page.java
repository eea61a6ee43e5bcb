package dev.mechanics.platform;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a keyset-paginated list: the items and the id after which the next page starts (or null). */
public record Page<T>(List<T> items, UUID nextAfter) {

  /** Lists are read with limit + 1 rows: the extra row only says whether another page exists. */
  public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, UUID> idOf) {
    if (rowsPlusOne.size() <= limit) {
      return new Page<>(List.copyOf(rowsPlusOne), null);
    }
    List<T> items = List.copyOf(rowsPlusOne.subList(0, limit));
    return new Page<>(items, idOf.apply(items.get(items.size() - 1)));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextAfter);
  }
}
