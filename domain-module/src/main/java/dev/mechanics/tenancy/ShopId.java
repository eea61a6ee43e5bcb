package dev.mechanics.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The id of a shop: typed so that it cannot be passed where another id belongs. */
public record ShopId(UUID value) {

  public ShopId {
    Objects.requireNonNull(value, "shop id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
