package dev.mechanics.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): about 30-40 ms here, so a
 * stolen table is slow to attack while sign-in stays quick ({@link Argon2id}: each hashing thread keeps its 19 MiB
 * between hashes instead of handing them to the garbage collector).
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
  /** A real hash of a random password, so that an unknown e-mail costs as much time as a wrong password. */
  private static final String DECOY = Argon2id.hash("decoy-" + Ids.newId(), Argon2id.Cost.OWASP);

  private HashingPool pool;

  @Inject
  void configure(@ConfigProperty(name = "PASSWORD_HASH_THREADS", defaultValue = "0") int threads,
                 @ConfigProperty(name = "PASSWORD_HASH_QUEUE", defaultValue = "" + MAX_WAITING) int queue,
                 @ConfigProperty(name = "PASSWORD_HASH_MAX_WAIT_MS", defaultValue = "20000") long maxWaitMillis,
                 @ConfigProperty(name = "PASSWORD_HASH_NICE", defaultValue = "10") int nice,
                 @ConfigProperty(name = "PASSWORD_HASH_CPU_PERCENT", defaultValue = "10") int cpuPercent) {
    pool = new HashingPool(threads == 0 ? CONCURRENT_HASHES : threads, queue, maxWaitMillis, nice, cpuPercent);
  }

  @PreDestroy
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  public String hash(String password) {
    return bounded(() -> Argon2id.hash(password, Argon2id.Cost.OWASP));
  }

  public boolean matches(String password, String hash) {
    return bounded(() -> Argon2id.matches(password, hash));
  }

  /** Spends the same work as {@link #matches} for an account that does not exist. */
  public void burnTime(String password) {
    bounded(() -> Argon2id.matches(password, DECOY));
  }

  private <T> T bounded(Supplier<T> work) {
    if (pool == null) {
      // outside the container (unit tests): no pool to share
      return work.get();
    }
    return pool.run(work);
  }
}
