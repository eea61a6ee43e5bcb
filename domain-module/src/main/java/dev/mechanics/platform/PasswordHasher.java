package dev.mechanics.platform;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): about 30-50 ms here, so a
 * stolen table is slow to attack while sign-in stays quick.
 *
 * <p>Each hash holds 19 MiB of heap and a core while it runs: at most half the cores (at least one, at most
 * four) hash at once and the rest wait their turn, so a burst of sign-ins costs the sign-ins latency, never the
 * heap (a flood of 16 parallel sign-ins ran a 512 MiB server out of memory before this) and never the whole CPU
 * that every other request needs too (issue 15.9, {@code bench/signin-load.sh}). Callers hold no transaction and
 * no pooled connection while they wait here ({@code AuthenticationService}), but they do hold a request thread:
 * beyond {@value #MAX_WAITING} waiting at once a caller is told to try again in a second (429) instead of joining
 * the queue, so a flood of sign-ins can never take the threads every other request needs (server.xml keeps more
 * core threads than that).
 */
@ApplicationScoped
public class PasswordHasher {

  static final int CONCURRENT_HASHES = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  static final int MAX_WAITING = 64;
  private static final Semaphore HASHING = new Semaphore(CONCURRENT_HASHES, true);
  private static final AtomicInteger WAITING = new AtomicInteger();
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  /** A real hash of a random password, so that an unknown e-mail costs as much time as a wrong password. */
  private static final String DECOY = Password.hash("decoy-" + Ids.newId()).addRandomSalt(16).with(ARGON2).getResult();

  public String hash(String password) {
    return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
  }

  public boolean matches(String password, String hash) {
    return bounded(() -> Password.check(password, hash).with(ARGON2));
  }

  /** Spends the same work as {@link #matches} for an account that does not exist. */
  public void burnTime(String password) {
    bounded(() -> Password.check(password, DECOY).with(ARGON2));
  }

  static <T> T bounded(Supplier<T> work) {
    if (WAITING.incrementAndGet() > MAX_WAITING + CONCURRENT_HASHES) {
      WAITING.decrementAndGet();
      throw new DomainException.TooManyRequests("Too many sign-ins at this moment; try again in a second", 1);
    }
    try {
      HASHING.acquireUninterruptibly();
      try {
        return work.get();
      } finally {
        HASHING.release();
      }
    } finally {
      WAITING.decrementAndGet();
    }
  }
}
