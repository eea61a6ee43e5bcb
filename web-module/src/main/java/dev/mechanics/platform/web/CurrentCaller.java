package dev.mechanics.platform.web;

import dev.mechanics.tenancy.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * The authenticated {@link Caller} of this request. Read on use, not on injection: resources are created
 * before the authentication filter has run.
 */
@RequestScoped
public class CurrentCaller {

  @Inject
  HttpServletRequest request;

  public Caller get() {
    Object caller = request.getAttribute(AuthenticationFilter.CALLER);
    if (caller instanceof Caller c) {
      return c;
    }
    throw new NotAuthorizedException("Bearer");
  }
}
