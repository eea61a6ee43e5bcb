package dev.mechanics.platform;

import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on this thread while {@link #count} runs (otherwise it only
 * passes the SQL through). Lets a test inside the server prove that a read costs a constant number of
 * statements, however many rows it touches (no N+1).
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
    int[] previous = ACTIVE.get();
    int[] counter = {0};
    ACTIVE.set(counter);
    try {
      T result = work.get();
      return new Counted<>(result, counter[0]);
    } finally {
      if (previous == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(previous);
      }
    }
  }
}
