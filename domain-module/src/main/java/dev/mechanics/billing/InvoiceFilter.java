package dev.mechanics.billing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices a list holds; every part optional. {@code from}/{@code to}: days of issue (both included) in
 * the time zone of {@code shopId}'s shop, else the organization's.
 */
public record InvoiceFilter(UUID shopId, InvoiceStatus status, UUID customerId, UUID workOrderId, LocalDate from,
                            LocalDate to) {

  public static final InvoiceFilter ALL = new InvoiceFilter(null, null, null, null, null, null);
}
