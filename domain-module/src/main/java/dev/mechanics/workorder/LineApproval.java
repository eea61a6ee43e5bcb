package dev.mechanics.workorder;

/** The customer's answer to a line; declined lines stay on the vehicle as recommendations. */
public enum LineApproval {
  PENDING, APPROVED, DECLINED
}
