package dev.mechanics.workorder;

import java.util.Locale;

/** What changed on a work order, as the live board announces it (V50, {@code announce_work_order}). */
public enum WorkOrderChange {
  CREATED, STATUS, LINES, ASSIGNMENT, APPROVAL, INVOICE, PAYMENT;

  /** The name on the wire and in {@code work_order_events.change}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
