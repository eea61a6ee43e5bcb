package dev.mechanics.tenancy;

import java.util.List;

/**
 * How a shop appears on what it hands over: its identity beside the name, address and phone of
 * {@link ShopDetails}, the texts its documents carry, and the language they are written in.
 *
 * @param registrationNumbers as many as the shop's jurisdiction asks for, each labelled by the shop ("ARD",
 *                            "EPA ID", "NIF")
 * @param accentColor         "#1f6f43": headings and rules of the shop's documents and mails
 * @param language            BCP 47 tag ({@link dev.mechanics.platform.Languages})
 * @param emailInvoices       whether an issued invoice is mailed to the customer (when they have an address)
 */
public record DocumentSettings(String legalName, String email, String website,
                               List<RegistrationNumber> registrationNumbers, String accentColor,
                               String invoiceFooter, String warrantyText, String paymentTerms, String language,
                               boolean emailInvoices) {

  /** One labelled number: "Automotive Repair Dealer" = "ARD 123456". */
  public record RegistrationNumber(String label, String value) {
  }

  public DocumentSettings {
    registrationNumbers = registrationNumbers == null ? List.of() : List.copyOf(registrationNumbers);
  }
}
