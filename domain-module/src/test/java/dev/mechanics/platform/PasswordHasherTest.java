package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 15.9: a flood of sign-ins queues for the hasher only so far; the rest are told to come back. */
class PasswordHasherTest {

  @Test
  void beyondTheQueueASignInIsRefusedAtOnceInsteadOfTakingAThread() throws Exception {
    int occupying = PasswordHasher.CONCURRENT_HASHES + PasswordHasher.MAX_WAITING;
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = new CountDownLatch(PasswordHasher.CONCURRENT_HASHES);
    ExecutorService pool = Executors.newFixedThreadPool(occupying);
    List<Future<Boolean>> busy = new ArrayList<>();
    try {
      for (int i = 0; i < occupying; i++) {
        busy.add(pool.submit(() -> PasswordHasher.bounded(() -> {
          inside.countDown();
          try {
            return release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        })));
      }
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (((ThreadPoolExecutor) pool).getActiveCount() < occupying
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(100);
      assertThatThrownBy(() -> PasswordHasher.bounded(() -> true))
          .isInstanceOf(DomainException.TooManyRequests.class);
    } finally {
      release.countDown();
      for (Future<Boolean> f : busy) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
      pool.shutdown();
    }
    assertThat(PasswordHasher.bounded(() -> true)).as("room again once the queue drains").isTrue();
  }
}
