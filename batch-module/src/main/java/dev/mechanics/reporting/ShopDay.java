package dev.mechanics.reporting;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A shop and a local day (in the report's time zone) of the report's period: the aggregate step's unit. */
record ShopDay(UUID shopId, LocalDate day) implements Serializable {

  /** The checkpoint's form of this shop-day: day, then shop (the items' order). */
  String key() {
    return day + "/" + shopId;
  }

  static ShopDay of(String key) {
    int slash = key.indexOf('/');
    return new ShopDay(UUID.fromString(key.substring(slash + 1)), LocalDate.parse(key.substring(0, slash)));
  }
}
