package dev.mechanics.customer;

/** What a client may set on a customer. */
public record CustomerDetails(String firstName, String lastName, String email, String phone, String address) {
}
