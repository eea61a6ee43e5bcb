package dev.mechanics.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the mail outbox (ADR 0046) on the web module's managed executor, as the BatchScheduler drives schedules:
 * every OUTBOX_POLL_SECONDS it reads the backlog figures and delivers what is due (retries, and anything an
 * after-commit trigger missed, e.g. queued just before a restart); the outbox's own trigger delivers new mail
 * right after its commit on the same executor. Every instance polls; the claim keeps them off each other's rows.
 */
@ApplicationScoped
public class OutboxPoller {

  private static final Logger LOG = Logger.getLogger(OutboxPoller.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  MailOutbox outbox;

  @Inject
  OutboxMetrics metrics;

  @Inject
  @ConfigProperty(name = "OUTBOX_POLL_SECONDS", defaultValue = "15")
  int pollSeconds;

  private ScheduledFuture<?> polling;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    outbox.start(executor);
    metrics.register();
    polling = executor.scheduleWithFixedDelay(this::poll, 1, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    LOG.info(() -> "mail outbox polling every " + pollSeconds + " s");
  }

  void poll() {
    try {
      metrics.register();
      outbox.refreshBacklog();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox backlog could not be read: " + e.getMessage());
    }
    outbox.drain();
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
