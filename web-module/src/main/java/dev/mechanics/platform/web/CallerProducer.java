package dev.mechanics.platform.web;

import dev.mechanics.tenancy.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/** Makes the authenticated {@link Caller} injectable into resources. */
@RequestScoped
public class CallerProducer {

  @Inject
  HttpServletRequest request;

  /** Dependent: a record cannot be proxied, and resources live for one request anyway. */
  @Produces
  Caller caller() {
    Object caller = request.getAttribute(AuthenticationFilter.CALLER);
    if (caller instanceof Caller c) {
      return c;
    }
    throw new NotAuthorizedException("Bearer");
  }
}
