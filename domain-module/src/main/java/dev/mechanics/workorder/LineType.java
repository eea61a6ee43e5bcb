package dev.mechanics.workorder;

/** Labor (hours x rate), parts (quantity x unit price), shop fees, and discounts (subtracted). */
public enum LineType {
  LABOR, PART, FEE, DISCOUNT
}
