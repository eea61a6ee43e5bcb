package dev.mechanics.platform.batch;

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

/**
 * Every instance, the staging slot included (a run started there must stop too), looks for stops requested
 * through another instance every {@link #INTERVAL_SECONDS} s ({@link StopRequests}).
 */
@ApplicationScoped
public class StopRequestWatcher {

  private static final Logger LOG = Logger.getLogger(StopRequestWatcher.class.getName());
  static final int INTERVAL_SECONDS = 2;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  @Inject
  StopRequests stops;

  private ScheduledFuture<?> polling;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    polling = executor.scheduleWithFixedDelay(this::serve, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  void serve() {
    try {
      stops.serve();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "batch stop requests not served this time", e);
    }
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
