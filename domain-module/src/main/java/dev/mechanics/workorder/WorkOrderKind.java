package dev.mechanics.workorder;

/** What the document is, separate from where the car is on the board: estimate, repair order, invoiced. */
public enum WorkOrderKind {
  ESTIMATE, REPAIR_ORDER, INVOICED
}
