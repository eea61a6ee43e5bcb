package dev.mechanics.platform.observability;

import dev.mechanics.platform.web.MechanicsApi;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Request latency per endpoint template ({@code /api/v1/customers/{id}}, never a raw URL, so the number of time
 * series stays bounded), HTTP method and status class, as the timer {@code http_server_requests}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String NAME = "http_server_requests";
  private static final String START = "mechanics.requestStart";
  private static final Metadata METADATA = Metadata.builder().withName(NAME)
      .withDescription("Duration of API requests by endpoint template, method and status class").build();
  private static final String BASE = "/" + MechanicsApi.class
      .getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");

  @Inject
  MetricRegistry registry;

  @Context
  ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object start = request.getProperty(START);
    if (!(start instanceof Long started)) {
      return;
    }
    registry.timer(METADATA, new Tag("method", request.getMethod()), new Tag("route", route()),
            new Tag("status", response.getStatus() / 100 + "xx"))
        .update(Duration.ofNanos(System.nanoTime() - started));
  }

  private String route() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return "unmatched";
    }
    return BASE + template(resource.getResourceClass().getAnnotation(Path.class))
        + template(method.getAnnotation(Path.class));
  }

  private static String template(Path path) {
    if (path == null || path.value().isEmpty() || "/".equals(path.value())) {
      return "";
    }
    String value = path.value().replaceAll("/$", "");
    return value.startsWith("/") ? value : "/" + value;
  }
}
