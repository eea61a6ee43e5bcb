package dev.mechanics.tenancy;

import java.math.BigDecimal;

/** What a client may set on a shop. */
public record ShopDetails(String name, String timeZone, String phone, String address, BigDecimal laborRate) {
}
