package dev.mechanics.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** Asks PostgreSQL a trivial question and times the answer. */
@ApplicationScoped
public class DatabaseProbe {

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  public record Result(boolean up, long responseTimeMs, String error) {
  }

  public Result probe() {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(3);
      statement.execute("select 1");
      return new Result(true, elapsedMs(start), null);
    } catch (Exception e) {
      // The cause class is enough to act on; messages can carry host names and user names.
      return new Result(false, elapsedMs(start), e.getClass().getSimpleName());
    }
  }

  private static long elapsedMs(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
