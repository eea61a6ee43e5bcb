package dev.mechanics.floor;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The product's first check, and nothing after it: a request without a verified token is refused. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken)) {
      throw new NotAuthorizedException("Bearer");
    }
  }
}
