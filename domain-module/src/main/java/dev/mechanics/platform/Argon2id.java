package dev.mechanics.platform;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, the format
 * of every hash stored so far), computed by Bouncy Castle.
 *
 * <p>Why not a one-call library: Argon2 needs {@code m} KiB of working memory per hash, and the libraries that
 * allocate it afresh for each hash (password4j did: 19 MiB of small arrays a sign-in) make the garbage collector
 * copy it when a young collection lands mid-hash, which tripled the collector's pauses for every other request
 * during a burst of sign-ins (issue 15.9). Bouncy Castle takes a block pool, so each hashing thread keeps one
 * set of blocks through a burst of sign-ins and a hash allocates nothing of note.
 */
final class Argon2id {

  private static final Logger LOG = Logger.getLogger(Argon2id.class.getName());
  private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  /** Bounds on what a stored hash may ask for, so that a corrupted or planted row cannot take the heap. */
  private static final int MAX_MEMORY_KIB = 256 * 1024;
  private static final int MAX_ITERATIONS = 16;
  private static final int MAX_LANES = 8;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final SecureRandom SALTS = new SecureRandom();

  /** The cost of a new hash: OWASP's second Argon2id profile. */
  record Cost(int memoryKib, int iterations, int lanes) {
    static final Cost OWASP = new Cost(19 * 1024, 2, 1);
  }

  /**
   * A hashing thread's working memory, kept between its hashes (blocks beyond the pool's size are left to the
   * collector). Only the {@link HashingPool}'s few threads keep one: on any other thread a hash allocates afresh.
   * Held softly: 19 MiB a hashing thread was a sixth of the server's live heap long after the last sign-in (issue
   * 12 goal 4). Every hash of a burst touches it, so it stays through the burst; once sign-ins have been idle for
   * about a second per free MiB of heap, or when the heap runs short, a full collection gives it back, and the
   * thread's next hash keeps a new one.
   */
  private static final ThreadLocal<SoftReference<Argon2BytesGenerator.BlockPool>> BLOCKS = new ThreadLocal<>();

  private Argon2id() {
  }

  /** Makes the calling thread keep one hash's working memory between its hashes; returns that memory. */
  static Argon2BytesGenerator.BlockPool keepWorkingMemoryOnThisThread() {
    Argon2BytesGenerator.BlockPool blocks = new Argon2BytesGenerator.FixedBlockPool(Cost.OWASP.memoryKib());
    BLOCKS.set(new SoftReference<>(blocks));
    return blocks;
  }

  /** The calling thread's kept working memory (a new one where the collector took it), or null where none is kept. */
  static Argon2BytesGenerator.BlockPool keptWorkingMemory() {
    SoftReference<Argon2BytesGenerator.BlockPool> kept = BLOCKS.get();
    if (kept == null) {
      return null;
    }
    Argon2BytesGenerator.BlockPool blocks = kept.get();
    return blocks != null ? blocks : keepWorkingMemoryOnThisThread();
  }

  /** What a full collection does to an idle hashing thread's working memory. */
  static void releaseKeptWorkingMemory() {
    SoftReference<Argon2BytesGenerator.BlockPool> kept = BLOCKS.get();
    if (kept != null) {
      kept.clear();
    }
  }

  static String hash(String password, Cost cost) {
    byte[] salt = new byte[SALT_BYTES];
    SALTS.nextBytes(salt);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return "$argon2id$v=" + VERSION + "$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.lanes()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** False for a wrong password and for a stored value that is not an Argon2id hash within the bounds above. */
  static boolean matches(String password, String encoded) {
    Stored stored = Stored.parse(encoded);
    if (stored == null) {
      LOG.warning("a stored password hash is not an Argon2id hash this server can check; the sign-in is refused");
      return false;
    }
    byte[] actual = derive(password, stored.salt(), stored.cost(), stored.hash().length);
    return MessageDigest.isEqual(actual, stored.hash());
  }

  private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(VERSION)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.lanes())
        .withSalt(salt)
        .withBlockPool(keptWorkingMemory()) // null: Bouncy Castle allocates for this hash only
        .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  private record Stored(Cost cost, byte[] salt, byte[] hash) {

    static Stored parse(String encoded) {
      if (encoded == null) {
        return null;
      }
      // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id")
          || !parts[2].equals("v=" + VERSION)) {
        return null;
      }
      int memory = -1;
      int iterations = -1;
      int lanes = -1;
      for (String parameter : parts[3].split(",", -1)) {
        if (parameter.length() < 3 || parameter.charAt(1) != '=') {
          return null;
        }
        int value = number(parameter.substring(2));
        switch (parameter.charAt(0)) {
          case 'm' -> memory = value;
          case 't' -> iterations = value;
          case 'p' -> lanes = value;
          default -> {
            return null;
          }
        }
      }
      if (lanes < 1 || lanes > MAX_LANES || iterations < 1 || iterations > MAX_ITERATIONS
          || memory < 8 * lanes || memory > MAX_MEMORY_KIB) {
        return null;
      }
      try {
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] hash = Base64.getDecoder().decode(parts[5]);
        return salt.length < 8 || hash.length < 16 ? null : new Stored(new Cost(memory, iterations, lanes), salt, hash);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }

    private static int number(String digits) {
      if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      return Integer.parseInt(digits);
    }
  }
}
