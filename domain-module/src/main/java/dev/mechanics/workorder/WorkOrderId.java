package dev.mechanics.workorder;

import java.util.Objects;
import java.util.UUID;

/** The id of a work order: typed so that it cannot be passed where another id belongs. */
public record WorkOrderId(UUID value) {

  public WorkOrderId {
    Objects.requireNonNull(value, "work order id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
