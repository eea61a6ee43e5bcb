package dev.mechanics.it.support;

import dev.mechanics.customer.Vin;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, random VINs for tests. */
public final class Vins {

  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  private Vins() {
  }

  public static String random() {
    StringBuilder vin = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      vin.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return Vin.withCheckDigit(vin.toString());
  }
}
