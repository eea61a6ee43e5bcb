package dev.mechanics.audit;

import dev.mechanics.platform.OutageLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the audit sealer every AUDIT_SEAL_INTERVAL_MILLIS on every instance (ADR 0050): how long a committed
 * audit row stays outside the hash chain. Instances do not need to agree on who seals: each organization is
 * sealed by whichever sealer takes its lock first, the others skip it.
 */
@ApplicationScoped
public class AuditSealing {

  private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  AuditSealer sealer;

  @Inject
  @ConfigProperty(name = "AUDIT_SEAL_INTERVAL_MILLIS", defaultValue = "1000")
  long intervalMillis;

  private ScheduledFuture<?> sealing;
  private final OutageLog outage = new OutageLog(LOG, "audit sealer round");

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    long interval = Math.max(50, intervalMillis);
    sealing = executor.scheduleWithFixedDelay(this::sealRound, interval, interval, TimeUnit.MILLISECONDS);
    LOG.info(() -> "audit sealer running every " + interval + " ms");
  }

  void sealRound() {
    try {
      sealer.sealCommitted();
      outage.succeeded();
    } catch (SQLException | RuntimeException e) {
      // the unsealed tail (GET /audit/verify) shows how far it fell behind
      outage.failed(e, "committed audit rows wait unsealed until it recovers");
    }
  }

  @PreDestroy
  void stop() {
    if (sealing != null) {
      sealing.cancel(false);
    }
  }
}
