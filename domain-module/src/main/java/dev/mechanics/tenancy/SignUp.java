package dev.mechanics.tenancy;

/** A new chain: its first shop and its owner. Validated at the API boundary before it gets here. */
public record SignUp(String organizationName, String shopName, String timeZone, String currency,
                     String ownerName, String ownerEmail, String ownerPassword) {
}
