package dev.mechanics.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that hash passwords, and the only ones (issue 15.9). A few dedicated threads at a low
 * scheduling priority (Linux nice 10 by default, weight 110 against a request thread's 1024): a request thread
 * that wants a core takes most of it from a hash, so a burst of sign-ins spends the cores the rest of the
 * application leaves idle instead of sharing them equally with every other request. Java thread priorities alone
 * do nothing on Linux (HotSpot and OpenJ9 both ignore them by default), hence {@code setpriority(2)} through JNA,
 * which the EAR already ships; where that fails the threads run at normal priority and say so once in the log.
 *
 * <p>Callers queue in arrival order. A full queue answers at once, a caller that waited {@code maxWait} gives up
 * its place: both are a 429 with {@code Retry-After} of about how long the queue takes to drain, never a request
 * thread blocked without end.
 */
final class HashingPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HashingPool.class.getName());
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
  /**
   * The rest of the process using less than this many cores counts as idle: a quarter of the machine, room for the
   * JIT, the collector, a stray request and the sign-in requests' own work around their hashes.
   */
  static final double IDLE_CORES = 0.25 * Runtime.getRuntime().availableProcessors();
  /** A thread that hashed less than this long ago judges by the time since; after a pause, by the hash alone. */
  private static final long IDLE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ThreadPoolExecutor executor;
  private final int threads;
  private final long maxWaitNanos;
  /** Moving average of one hash's wall time, for the Retry-After of a refusal; starts at a typical 50 ms. */
  private volatile long meanHashNanos = TimeUnit.MILLISECONDS.toNanos(50);
  private volatile int appliedNice;
  private final int cpuPercent;
  private final ThreadLocal<Long> owedRest = ThreadLocal.withInitial(() -> 0L);
  /** CPU time of every hash this pool ran, to tell the rest of the process's CPU time from the hashes'. */
  private final AtomicLong hashCpuNanos = new AtomicLong();
  /** Per hashing thread: wall clock, process CPU and {@link #hashCpuNanos} when it last decided on a rest. */
  private final ThreadLocal<long[]> lastDecision = new ThreadLocal<>();
  /** The process's CPU time in nanoseconds, or -1 where the platform does not report it. */
  private final LongSupplier processCpu;

  HashingPool(int threads, int queue, long maxWaitMillis, int nice) {
    this(threads, queue, maxWaitMillis, nice, 100);
  }

  HashingPool(int threads, int queue, long maxWaitMillis, int nice, int cpuPercent) {
    this(threads, queue, maxWaitMillis, nice, cpuPercent, HashingPool::processCpuNanos);
  }

  /**
   * With the clock that tells how much CPU the process used: a test gives one whose only work is the hashes, since
   * a real JVM's compiler and collector threads are never reliably idle on a loaded build machine.
   */
  HashingPool(int threads, int queue, long maxWaitMillis, int nice, int cpuPercent, LongSupplier processCpu) {
    if (threads < 1 || queue < 0 || maxWaitMillis < 1 || nice < 0 || nice > 19 || cpuPercent < 1
        || cpuPercent > 100) {
      throw new IllegalArgumentException(
          "password hashing: threads >= 1, queue >= 0, wait >= 1 ms, nice 0-19, CPU share 1-100 %");
    }
    this.threads = threads;
    this.cpuPercent = cpuPercent;
    this.processCpu = processCpu;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    int pool = POOLS.incrementAndGet();
    AtomicInteger counter = new AtomicInteger();
    ClassLoader loader = HashingPool.class.getClassLoader();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        // a SynchronousQueue for queue 0: a caller is served only by an idle thread
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue, true),
        runnable -> {
          Thread thread = new Thread(() -> {
            lowerPriority(nice);
            Argon2id.keepWorkingMemoryOnThisThread();
            runnable.run();
          }, "password-hasher-" + pool + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          thread.setPriority(Thread.MIN_PRIORITY);
          thread.setContextClassLoader(loader);
          return thread;
        }) {
      @Override
      protected void afterExecute(Runnable task, Throwable failure) {
        rest();
      }
    };
    executor.prestartAllCoreThreads();
  }

  <T> T run(Supplier<T> work) {
    Future<T> future;
    try {
      future = executor.submit(() -> {
        long[] atStart = snapshot();
        long cpuStart = cpuNanos();
        try {
          return work.get();
        } finally {
          long took = System.nanoTime() - atStart[0];
          meanHashNanos += (took - meanHashNanos) / 8;
          // a share of CPU time: on a contended core a hash's wall time grows, the work it owes rest for does not
          long cpu = cpuStart < 0 ? took : cpuNanos() - cpuStart;
          hashCpuNanos.addAndGet(cpu);
          owedRest.set(othersWereIdle(atStart, snapshot()) ? 0 : cpu * (100 - cpuPercent) / cpuPercent);
        }
      });
    } catch (RejectedExecutionException full) {
      throw refusal("Too many sign-ins are waiting at this moment; try again in ");
    }
    try {
      return future.get(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException waitedTooLong) {
      // not started yet: it never will; started: it finishes on its own, nobody waits for it
      future.cancel(false);
      executor.remove((Runnable) future);
      throw refusal("Sign-in is busy at this moment; try again in ");
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the password hasher", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (CancellationException e) {
      throw refusal("Sign-in is busy at this moment; try again in ");
    }
  }

  /**
   * After a hash, and after its caller has the result, the thread rests in proportion to the CPU time the hash
   * took, so that while the rest of the process is busy no hashing thread takes more than {@code cpuPercent} of a
   * core however long the queue: what the other requests feel of a burst of sign-ins is bounded by that share, not
   * only by the scheduler's priorities (issue 15.9, ADR 0057). With nothing else to do it does not rest.
   */
  private void rest() {
    long nanos = owedRest.get();
    owedRest.set(0L);
    if (nanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Whether the rest of the process used less than {@link #IDLE_CORES} of CPU since this thread last decided (or,
   * after a longer pause, during this hash): with nothing else to serve, a burst of sign-ins may take the cores,
   * and is bounded to its share again within one hash of other work arriving. Records {@code atEnd} as this
   * thread's last decision.
   */
  private boolean othersWereIdle(long[] atStart, long[] atEnd) {
    long[] last = lastDecision.get();
    lastDecision.set(atEnd);
    long[] from = last != null && atStart[0] - last[0] < IDLE_WINDOW_NANOS ? last : atStart;
    long wall = atEnd[0] - from[0];
    if (atEnd[1] < 0 || from[1] < 0 || wall <= 0) {
      return false; // no process CPU time here: always keep to the share
    }
    long others = (atEnd[1] - from[1]) - (atEnd[2] - from[2]);
    return others < IDLE_CORES * wall;
  }

  /** Wall clock, process CPU time (or -1) and the pool's hash CPU time, in nanoseconds. */
  private long[] snapshot() {
    return new long[] {System.nanoTime(), processCpu.getAsLong(), hashCpuNanos.get()};
  }

  private static long processCpuNanos() {
    return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  private DomainException.TooManyRequests refusal(String message) {
    long drain = (executor.getQueue().size() + threads) * meanHashNanos * 100 / cpuPercent / threads;
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(drain + TimeUnit.SECONDS.toNanos(1) - 1));
    return new DomainException.TooManyRequests(message + seconds + " s", seconds);
  }

  int threads() {
    return threads;
  }

  int waiting() {
    return executor.getQueue().size();
  }

  /** The nice value the pool's threads run at (0 until the first has started, or where lowering failed). */
  int appliedNice() {
    return appliedNice;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private void lowerPriority(int nice) {
    if (nice == 0) {
      return;
    }
    try {
      // PRIO_PROCESS with who 0 is the calling thread on Linux: its nice value is per thread
      if (LibC.INSTANCE.setpriority(0, 0, nice) == 0) {
        appliedNice = nice;
        return;
      }
      warnOnce("setpriority answered an error");
    } catch (Throwable unavailable) {
      warnOnce(unavailable.getClass().getSimpleName() + ": " + unavailable.getMessage());
    }
  }

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private static void warnOnce(String why) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Password hashing runs at normal priority (could not lower it: {0}); a burst of "
          + "sign-ins then competes with every other request for the cores", why);
    }
  }

  /** The calling thread's nice value as Linux reports it, or empty elsewhere (tests). */
  static OptionalInt currentNice() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      // fields after the command name (in parentheses, may hold spaces): state is field 3, nice field 19
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalInt.of(Integer.parseInt(fields[16]));
    } catch (Exception | Error notLinux) {
      return OptionalInt.empty();
    }
  }

  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int setpriority(int which, int who, int prio);
  }
}
