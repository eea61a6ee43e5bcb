package dev.mechanics.housekeeping;

import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step "expire" of idempotency-key-expiry: deletes kept answers older than the cutoff, 5,000 rows per
 * transaction (autocommit), so that a large backlog never holds a long lock on a table every retried write reads.
 */
@Dependent
@Named("idempotencyKeyExpiryBatchlet")
public class IdempotencyKeyExpiryBatchlet extends ExplainedBatchlet {

  private static final int BATCH = 5_000;

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "IDEMPOTENCY_KEY_HOURS", defaultValue = "168")
  long defaultMaxAgeHours;

  private volatile boolean stopping;

  @Override
  public void stop() {
    stopping = true;
  }

  @Override
  protected String run() throws Exception {
    String given = parameters().get(IdempotencyKeyExpiryJob.MAX_AGE_PARAMETER);
    Duration maxAge = Duration.ofHours(given == null || given.isBlank() ? defaultMaxAgeHours : Long.parseLong(given));
    Timestamp cutoff = Timestamp.from(Instant.now().minus(maxAge));
    long deleted = 0;
    try (Connection c = dataSource.getConnection();
         PreparedStatement delete = c.prepareStatement("delete from idempotent_answers where id in (select id from "
             + "idempotent_answers where created_at < ? limit " + BATCH + ")")) {
      c.setAutoCommit(true);
      delete.setTimestamp(1, cutoff);
      int batch;
      do {
        batch = delete.executeUpdate();
        deleted += batch;
      } while (batch == BATCH && !stopping);
    }
    return "DELETED " + deleted + " (OLDER THAN " + maxAge.toHours() + " H)";
  }
}
