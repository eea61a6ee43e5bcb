package dev.mechanics.customer;

/** What a client may set on a customer. */
public record CustomerDetails(String firstName, String lastName, String email, String phone, String address,
                              String preferredLanguage) {

  /** Without a language of their own: the shop's language applies to what they receive. */
  public CustomerDetails(String firstName, String lastName, String email, String phone, String address) {
    this(firstName, lastName, email, phone, address, null);
  }
}
