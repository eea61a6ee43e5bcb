package dev.mechanics.platform;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/** Identifiers: UUIDv7 (RFC 9562), time-ordered so that keyset pagination by id follows creation order. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** Parses an id from a URL or a body; empty when it is not a UUID, so callers answer 404/400 instead of failing. */
  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
