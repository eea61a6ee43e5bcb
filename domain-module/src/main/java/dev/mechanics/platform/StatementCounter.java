package dev.mechanics.platform;

import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on this thread while {@link #count} runs or between
 * {@link #start} and {@link Tally#stop} (otherwise it only passes the SQL through). Lets a test inside the server
 * prove that a read costs a constant number of statements, however many rows it touches (no N+1), and gives
 * every access record the statements of its request (RequestLoggingFilter, StatementCountIT).
 */
public class StatementCounter implements StatementInspector {

  private static final ThreadLocal<int[]> ACTIVE = new ThreadLocal<>();

  @Override
  public String inspect(String sql) {
    int[] counter = ACTIVE.get();
    if (counter != null) {
      counter[0]++;
    }
    return sql;
  }

  /** The result of {@code work} and the number of statements it prepared. */
  public record Counted<T>(T result, int statements) {
  }

  public static <T> Counted<T> count(Supplier<T> work) {
    Tally tally = start();
    T result;
    try {
      result = work.get();
    } finally {
      tally.stop();
    }
    return new Counted<>(result, tally.counter[0]);
  }

  /** Counts from now on this thread until {@link Tally#stop}; an enclosing count counts these statements too. */
  public static Tally start() {
    Tally tally = new Tally(ACTIVE.get());
    ACTIVE.set(tally.counter);
    return tally;
  }

  /** A count in progress. */
  public static final class Tally {
    private final int[] previous;
    private final int[] counter = {0};

    private Tally(int[] previous) {
      this.previous = previous;
    }

    /** Ends the count and answers it. */
    public int stop() {
      if (previous == null) {
        ACTIVE.remove();
      } else {
        previous[0] += counter[0];
        ACTIVE.set(previous);
      }
      return counter[0];
    }
  }
}
