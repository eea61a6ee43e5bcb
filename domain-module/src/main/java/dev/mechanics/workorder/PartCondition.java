package dev.mechanics.workorder;

/** A part's condition, printed on estimates and invoices as repair-shop rules ask (new, used, rebuilt, reman). */
public enum PartCondition {
  NEW, USED, REBUILT, REMANUFACTURED
}
