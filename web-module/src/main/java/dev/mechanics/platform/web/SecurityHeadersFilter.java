package dev.mechanics.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's own headers: the strictest Content-Security-Policy (it serves JSON, never pages), and CORS for the
 * origins listed in {@code CORS_ALLOWED_ORIGINS} only (comma-separated, exact match; none by default). The
 * headers every response gets, Liberty's own pages included, are set in server.xml.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 600)
public class SecurityHeadersFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id";
  private static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id";

  @Inject
  @ConfigProperty(name = "CORS_ALLOWED_ORIGINS")
  Optional<String> allowedOriginsSetting;

  private Set<String> allowedOrigins() {
    return allowedOriginsSetting.map(s -> Arrays.stream(s.split(",")).map(String::strip)
        .filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if ("OPTIONS".equals(request.getMethod()) && origin != null
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      if (!allowedOrigins().contains(origin)) {
        request.abortWith(Response.status(403).header("Vary", "Origin").build());
        return;
      }
      request.abortWith(Response.noContent()
          .header("Access-Control-Allow-Origin", origin)
          .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
          .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
          .header("Access-Control-Max-Age", "600")
          .header("Vary", "Origin")
          .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    // the one policy of an API answer: server.xml's general one is added only where none is set
    headers.putSingle("Content-Security-Policy", API_CSP);
    headers.putSingle("Cache-Control", headers.containsKey("Cache-Control") ? headers.getFirst("Cache-Control")
        : "no-store");
    String origin = request.getHeaderString("Origin");
    if (origin != null && allowedOrigins().contains(origin) && !headers.containsKey("Access-Control-Allow-Origin")) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      headers.add("Vary", "Origin");
    }
  }
}
