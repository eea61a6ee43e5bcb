package dev.mechanics.customer;

import java.util.Objects;
import java.util.UUID;

/** The id of a customer: typed so that it cannot be passed where another id belongs. */
public record CustomerId(UUID value) {

  public CustomerId {
    Objects.requireNonNull(value, "customer id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
