package dev.mechanics.platform.ratelimit;

import dev.mechanics.platform.web.AuthenticationFilter;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.tenancy.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Runs after authentication: sign-in, refresh and sign-up are limited per client address, everything a
 * signed-in user calls per user.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class RateLimitFilter implements ContainerRequestFilter {

  private static final Set<String> SIGN_IN_PATHS = Set.of("auth/login", "auth/refresh", "auth/session",
      "auth/session/refresh", "organizations");

  @Inject
  RateLimits limits;

  @Inject
  ClientAddress clientAddress;

  @Context
  HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    // accepting an invitation sets a password, a verification link proves an address: limited like a sign-in
    if ("POST".equals(request.getMethod()) && (SIGN_IN_PATHS.contains(trimmed) || trimmed.startsWith("invitations/")
        || trimmed.startsWith("email-verifications/"))) {
      limits.signInAttempt(clientAddress.of(servletRequest));
      return;
    }
    if (servletRequest.getAttribute(AuthenticationFilter.CALLER) instanceof Caller caller) {
      limits.apiCall(caller.userId());
    }
  }
}
