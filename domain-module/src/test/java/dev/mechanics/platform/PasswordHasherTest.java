package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.9: hashes run on a few low-priority threads; a flood of sign-ins queues in arrival order only so far and
 * only so long, and the rest are told when to come back.
 */
class PasswordHasherTest {

  /** Takes the pool's only thread until {@code release} opens. */
  private static Future<Boolean> occupy(HashingPool pool, ExecutorService callers, CountDownLatch inside,
                                        CountDownLatch release) {
    return callers.submit(() -> pool.run(() -> {
      inside.countDown();
      try {
        return release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }));
  }

  private static void awaitWaiting(HashingPool pool, int waiting) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pool.waiting() < waiting && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(pool.waiting()).isEqualTo(waiting);
  }

  @Test
  void beyondTheQueueACallerIsRefusedAtOnceWithWhenToComeBackAndTheQueueRunsInArrivalOrder() throws Exception {
    ExecutorService callers = Executors.newCachedThreadPool();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> order = new CopyOnWriteArrayList<>();
    try (HashingPool pool = new HashingPool(1, 3, 30_000, 0)) {
      Future<Boolean> first = occupy(pool, callers, inside, release);
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Boolean>> queued = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int n = i;
        queued.add(callers.submit(() -> pool.run(() -> order.add(n))));
        awaitWaiting(pool, i + 1);
      }
      long start = System.nanoTime();
      assertThatThrownBy(() -> pool.run(() -> true))
          .isInstanceOfSatisfying(DomainException.TooManyRequests.class, e -> {
            assertThat(e.getMessage()).startsWith("Too many sign-ins are waiting at this moment; try again in ");
            assertThat(e.retryAfterSeconds()).isPositive();
          });
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("refused without waiting")
          .isLessThan(1_000);
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      for (Future<Boolean> f : queued) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(order).containsExactly(0, 1, 2);
      assertThat(pool.run(() -> true)).as("room again once the queue drains").isTrue();
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }

  @Test
  void aCallerWaitsOnlySoLongAndItsHashIsThenNeverRun() throws Exception {
    ExecutorService callers = Executors.newCachedThreadPool();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean ran = new AtomicBoolean();
    try (HashingPool pool = new HashingPool(1, 8, 300, 0)) {
      Future<Boolean> first = occupy(pool, callers, inside, release);
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      assertThatThrownBy(() -> pool.run(() -> ran.getAndSet(true)))
          .isInstanceOfSatisfying(DomainException.TooManyRequests.class, e -> {
            assertThat(e.getMessage()).startsWith("Sign-in is busy at this moment; try again in ");
            assertThat(e.retryAfterSeconds()).isPositive();
          });
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(waited).isBetween(250L, 5_000L);
      assertThat(pool.waiting()).as("its place given up").isZero();
      // the occupying caller waited as long and gave up too; its hash, already running, finishes on its own
      assertThat(first).failsWithin(10, TimeUnit.SECONDS);
      release.countDown();
      assertThat(pool.run(() -> true)).isTrue();
      assertThat(ran).as("the abandoned hash never ran").isFalse();
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }

  @Test
  void hashesRunOnThreadsTheOperatingSystemSchedulesLast() {
    OptionalInt callerNice = HashingPool.currentNice();
    assumeThat(callerNice).as("Linux /proc").isPresent();
    try (HashingPool pool = new HashingPool(1, 1, 10_000, 19)) {
      OptionalInt hashingNice = pool.run(HashingPool::currentNice);
      String thread = pool.run(() -> Thread.currentThread().getName());
      assertThat(hashingNice).hasValue(19);
      assertThat(pool.appliedNice()).isEqualTo(19);
      assertThat(thread).startsWith("password-hasher-");
    }
    assertThat(HashingPool.currentNice()).as("the caller's own priority untouched").isEqualTo(callerNice);
  }

  @Test
  void whileTheRestOfTheProcessIsBusyAHashingThreadRestsAfterEachHashSoItTakesNoMoreThanItsShareOfACore()
      throws Exception {
    AtomicBoolean busy = new AtomicBoolean(true);
    Thread otherWork = new Thread(() -> {
      while (busy.get()) {
        spun++;
      }
    }, "other-work");
    otherWork.start();
    try (HashingPool pool = new HashingPool(1, 8, 30_000, 0, 25)) {
      long[] firstEnded = new long[1];
      pool.run(() -> {
        spinCpuMillis(40);
        firstEnded[0] = System.nanoTime();
        return true;
      });
      long answered = System.nanoTime();
      long secondStarted = pool.run(System::nanoTime);

      assertThat(TimeUnit.NANOSECONDS.toMillis(answered - firstEnded[0])).as("the caller does not wait for the rest")
          .isLessThan(100);
      // 40 ms of CPU at a 25 % share: 120 ms of rest before the thread takes the next hash
      assertThat(TimeUnit.NANOSECONDS.toMillis(secondStarted - firstEnded[0])).isGreaterThanOrEqualTo(115);
    } finally {
      busy.set(false);
      otherWork.join();
    }
    assertThatThrownBy(() -> new HashingPool(1, 8, 1000, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashingPool(1, 8, 1000, 10, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withNothingElseToDoAHashingThreadDoesNotRest() throws Exception {
    // a process whose only work is its one hashing thread (the clock is read on that thread): this JVM's own
    // compiler and collector threads are not idle enough on a busy build machine to stand for "nothing else"
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (HashingPool pool = new HashingPool(1, 8, 30_000, 0, 10, threads::getCurrentThreadCpuTime)) {
      pool.run(() -> {
        spinCpuMillis(50);
        return true;
      });
      long[] ended = new long[1];
      pool.run(() -> {
        spinCpuMillis(100);
        ended[0] = System.nanoTime();
        return true;
      });
      long nextStarted = pool.run(System::nanoTime);
      // at its 10 % share it would rest 900 ms first
      assertThat(TimeUnit.NANOSECONDS.toMillis(nextStarted - ended[0])).isLessThan(100);
    }
  }

  /** Works until this thread has had {@code millis} of CPU time, however busy the machine. */
  private static void spinCpuMillis(long millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (threads.getCurrentThreadCpuTime() < until) {
      spun++;
    }
  }

  private static volatile long spun;

  @Test
  void twentyConcurrentVerificationsThroughOneThreadAllSucceedAndWrongPasswordsFail() throws Exception {
    PasswordHasher hasher = new PasswordHasher();
    hasher.configure(1, 64, 60_000, 19, 100);
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      String hash = hasher.hash("correct horse battery staple");
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String attempt = i % 5 == 4 ? "wrong " + i : "correct horse battery staple";
        results.add(callers.submit(() -> hasher.matches(attempt, hash)));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(results.get(i).get(60, TimeUnit.SECONDS)).as("attempt " + i).isEqualTo(i % 5 != 4);
      }
      hasher.burnTime("anything");
    } finally {
      callers.shutdownNow();
      hasher.close();
    }
  }

  @Test
  void refusesSettingsThatWouldNotBound() {
    assertThatThrownBy(() -> new HashingPool(0, 8, 1000, 19)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashingPool(1, 8, 1000, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashingPool(1, -1, 1000, 19)).isInstanceOf(IllegalArgumentException.class);
  }
}
