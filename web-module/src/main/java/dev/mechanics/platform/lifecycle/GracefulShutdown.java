package dev.mechanics.platform.lifecycle;

import dev.mechanics.platform.web.DurationSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SIGTERM (App Service, Docker and the rolling restart stop an instance with it) drains the instance before
 * Liberty stops it: readiness turns DOWN at once ({@link DrainingReadiness}, so a load balancer stops sending
 * new connections), every answer closes its connection ({@link DrainingFilter}, so clients open their next
 * connection elsewhere), and only after {@code SHUTDOWN_DRAIN} (default 5 s) does the JVM's own SIGTERM handling
 * run: Liberty's quiesce stops the listener, lets requests in flight finish (up to 30 s) and stops.
 *
 * <p>Liberty offers an application no hook before its quiesce, and a shutdown hook runs concurrently with
 * Liberty's own, so the handler replaces the JVM's SIGTERM handler ({@code sun.misc.Signal}, reached by
 * reflection: it is JDK-internal) and calls the previous one after the drain. {@code server stop} bypasses it
 * (no drain, Liberty's quiesce only). The state is a system property, one per JVM, so that an application
 * restarted inside the same server still sees it; the handler is installed once per JVM.
 */
@ApplicationScoped
public class GracefulShutdown {

  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
  /** JVM-wide: set when SIGTERM arrived; read by readiness and the filter. */
  static final String DRAINING = "mechanics.draining";
  private static final String INSTALLED = "mechanics.sigterm-drain-installed";

  @Inject
  @ConfigProperty(name = "SHUTDOWN_DRAIN", defaultValue = "5s")
  String drainSetting;

  public static boolean draining() {
    return Boolean.getBoolean(DRAINING);
  }

  void install(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Duration drain = DurationSetting.parse("SHUTDOWN_DRAIN", drainSetting);
    synchronized (System.getProperties()) {
      if (System.getProperty(INSTALLED) != null) {
        return;
      }
      System.setProperty(INSTALLED, "true");
    }
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object term = signalClass.getConstructor(String.class).newInstance("TERM");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object[] previous = new Object[1];
      InvocationHandler drainThenStop = (proxy, method, args) -> {
        switch (method.getName()) {
          case "equals":
            return proxy == args[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          case "toString":
            return "drain-then-stop";
          default:
            break;
        }
        onTerm(drain, handlerClass, previous[0], args[0]);
        return null;
      };
      Object ours = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
          drainThenStop);
      previous[0] = handle.invoke(null, term, ours);
      LOG.info(() -> "SIGTERM drains this instance for " + drain.toSeconds() + " s before Liberty stops it");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // without it SIGTERM still stops Liberty gracefully (quiesce), only without the drain
      LOG.log(Level.WARNING, "SIGTERM drain not installed; SIGTERM stops Liberty at once: " + e, e);
    }
  }

  private static void onTerm(Duration drain, Class<?> handlerClass, Object previous, Object signal) {
    if (draining()) {
      return;
    }
    System.setProperty(DRAINING, "true");
    LOG.info(() -> "SIGTERM: readiness is down; draining for " + drain.toSeconds() + " s, then stopping");
    Thread stopper = new Thread(() -> {
      try {
        Thread.sleep(drain.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LOG.info("drained: stopping (Liberty finishes the requests in flight)");
      try {
        handlerClass.getMethod("handle", signal.getClass()).invoke(previous, signal);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // the previous handler was the native default (no Java handler): exit as it would, 128 + 15
        Runtime.getRuntime().exit(143);
      }
    }, "sigterm-drain");
    stopper.setDaemon(false);
    stopper.start();
  }
}
