package dev.mechanics.billing;

/** OPEN while a balance is due, PAID when nothing is, VOID when cancelled by a credit note. */
public enum InvoiceStatus {
  OPEN, PAID, VOID
}
