package dev.mechanics.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/** Identifiers: UUIDv7 (RFC 9562), time-ordered so that keyset pagination by id follows creation order. */
public final class Ids {

  /**
   * One generator per thread: the platform default (NativePRNG) reads /dev/urandom under one JVM-wide lock, which
   * every insert of every request queued on (issue 12, JFR). DRBG instances seed themselves once and lock only
   * themselves.
   */
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::generator);

  private Ids() {
  }

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    SecureRandom random = RANDOM.get();
    long randA = random.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
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
