package dev.mechanics.customer;

import java.util.Objects;
import java.util.UUID;

/** The id of a vehicle: typed so that it cannot be passed where another id belongs. */
public record VehicleId(UUID value) {

  public VehicleId {
    Objects.requireNonNull(value, "vehicle id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
