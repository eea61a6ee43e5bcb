package dev.mechanics.platform;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): about 30-50 ms here, so a
 * stolen table is slow to attack while sign-in stays quick.
 *
 * <p>Each hash holds 19 MiB of heap and a core while it runs, so hashes run only on the few low-priority threads
 * of a {@link HashingPool} (issue 15.9, {@code bench/signin-load.sh}): at most half the cores (at least one, at
 * most four) hash at once, which bounds the heap (a flood of 16 parallel sign-ins ran a 512 MiB server out of
 * memory before the bound), and a request thread that needs a core preempts a hash. Callers hold no transaction
 * and no pooled connection while they wait (every caller, ADR 0057), but they do hold a request thread:
 * beyond {@code PASSWORD_HASH_QUEUE} waiting, or after {@code PASSWORD_HASH_MAX_WAIT_MS}, a caller is told to try
 * again later (429) instead of holding it longer (server.xml keeps more core threads than the queue is long).
 */
@ApplicationScoped
public class PasswordHasher {

  static final int CONCURRENT_HASHES = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  static final int MAX_WAITING = 64;
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  /** A real hash of a random password, so that an unknown e-mail costs as much time as a wrong password. */
  private static final String DECOY = Password.hash("decoy-" + Ids.newId()).addRandomSalt(16).with(ARGON2).getResult();

  private HashingPool pool;

  @Inject
  void configure(@ConfigProperty(name = "PASSWORD_HASH_THREADS", defaultValue = "0") int threads,
                 @ConfigProperty(name = "PASSWORD_HASH_QUEUE", defaultValue = "" + MAX_WAITING) int queue,
                 @ConfigProperty(name = "PASSWORD_HASH_MAX_WAIT_MS", defaultValue = "20000") long maxWaitMillis,
                 @ConfigProperty(name = "PASSWORD_HASH_NICE", defaultValue = "10") int nice) {
    pool = new HashingPool(threads == 0 ? CONCURRENT_HASHES : threads, queue, maxWaitMillis, nice);
  }

  @PreDestroy
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

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

  private <T> T bounded(Supplier<T> work) {
    if (pool == null) {
      // outside the container (unit tests): no pool to share
      return work.get();
    }
    return pool.run(work);
  }
}
