package dev.mechanics.platform.web;

import dev.mechanics.platform.SecurityEvents;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code FRONT_DOOR_ID} set (the templates set the Front Door profile's id), a request must carry that id
 * in {@code X-Azure-FDID}: Front Door adds it, so a request that reached the app any other way (another Front
 * Door profile shares the same back-end addresses) is refused with 403 problem+json. The health routes are
 * exempt: App Service's health check and the slot swap's warm-up call the app directly, without the header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FrontDoorFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  public static final String VARIABLE = "FRONT_DOOR_ID";
  public static final String HEADER = "X-Azure-FDID";
  private static final Pattern GUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Inject
  @ConfigProperty(name = VARIABLE)
  Optional<String> frontDoorId;

  @Inject
  SecurityEvents events;

  @Inject
  ClientAddress clientAddress;

  /** Why FRONT_DOOR_ID cannot be used, or null (start-up stops on it). */
  public static String problem(Optional<String> configured) {
    return configured.filter(id -> !id.isBlank() && !GUID.matcher(id.strip()).matches())
        .map(id -> VARIABLE + " must be the Front Door profile's id, a GUID (the profile's frontDoorId)")
        .orElse(null);
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String expected = frontDoorId.map(String::strip).orElse("");
    if (expected.isEmpty() || isHealth(request) || expected.equalsIgnoreCase(
        Optional.ofNullable(request.getHeader(HEADER)).map(String::strip).orElse(""))) {
      chain.doFilter(request, response);
      return;
    }
    events.record(SecurityEvents.FORBIDDEN, Map.of("reason", "front-door-id", "client", clientAddress.of(request)));
    request.setAttribute(ErrorPageServlet.PROBLEM, Problem.of(403, "front-door-required", "Forbidden",
        "This address is served only through the application's Front Door", null));
    response.sendError(403);
  }

  private static boolean isHealth(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/health/") || path.equals("/health") || path.equals("/api/v1/health");
  }
}
