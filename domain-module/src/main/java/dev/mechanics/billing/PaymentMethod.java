package dev.mechanics.billing;

/** How the customer paid (or was refunded). */
public enum PaymentMethod {
  CASH, CARD, CHECK, OTHER
}
