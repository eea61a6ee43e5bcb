package dev.mechanics.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The mail outbox's backlog on /metrics (ADR 0046), three series without tags (ADR 0042): rows waiting, rows
 * given up on (DEAD) and the age of the oldest waiting one, which the Azure alert watches. They show the poll's
 * last reading (every OUTBOX_POLL_SECONDS), so a scrape never queries the database. The web module's poller
 * registers them (again at each poll: get-or-create): an in-server test archive carries this library too, and
 * Liberty removes an undeployed application's metrics by name, the server's own included.
 */
@ApplicationScoped
public class OutboxMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject
  MailOutbox outbox;

  public void register() {
    registry.gauge("outbox_pending", outbox, o -> (double) o.backlog().pending());
    registry.gauge("outbox_dead", outbox, o -> (double) o.backlog().dead());
    registry.gauge("outbox_oldest_pending_age_seconds", outbox, o -> (double) o.backlog().oldestPendingSeconds());
  }
}
