package dev.mechanics.reporting;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One item of the aggregate step: a shop and a local day of the report's period, with the instants that day
 * covers in the report's time zone (23 or 25 hours on the days daylight saving starts or ends).
 */
record ShopDay(UUID shopId, LocalDate day, Instant from, Instant to) implements Serializable {

  /** The checkpoint's form of this shop-day. */
  String key() {
    return shopId + "/" + day;
  }
}
