package dev.mechanics.platform.web;

import dev.mechanics.platform.Ids;
import dev.mechanics.platform.RequestOrigin;
import dev.mechanics.platform.SecurityEvents;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.security.AccessTokens;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.SessionService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every endpoint needs a verified access token unless it is {@link Public}. Liberty's MicroProfile JWT has
 * verified signature, issuer, audience and expiry before this runs; here the caller is established, the
 * thread is bound to the caller's organization for Hibernate's tenant filter, and the route's {@link Requires}
 * is checked against the caller's capabilities.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String CALLER = "mechanics.caller";
  /** The session ({@code sid}) of the request's access token, for logout. */
  public static final String SESSION = "mechanics.session";

  @Inject
  SessionService sessions;

  @Inject
  SecurityEvents events;

  @Inject
  ClientAddress clientAddress;

  @Context
  ResourceInfo resource;

  /** Request properties are not servlet attributes in Liberty; the CDI producer reads the servlet request. */
  @Context
  HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Tenancy.clear();
    Object requestId = servletRequest.getAttribute(RequestContext.REQUEST_ID);
    RequestOrigin.bind(null, requestId == null ? null : requestId.toString());
    if (isPublic()) {
      return;
    }
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      if (request.getHeaderString("Authorization") != null) {
        invalidToken("unverified");
      }
      throw new NotAuthorizedException("Bearer");
    }
    UUID user = claimedId(token.getSubject());
    UUID organization = claimedId(token.getClaim(AccessTokens.ORGANIZATION_CLAIM));
    // the session must still be open and the user enabled: logout, password change and disabling end access
    // at once instead of when the token expires; roles come from the memberships as they are now
    Object sidClaim = token.getClaim(AccessTokens.SESSION_CLAIM);
    UUID sid = Ids.parse(sidClaim == null ? null : sidClaim.toString().replace("\"", "")).orElse(null);
    if (sid == null) {
      invalidToken("no-session");
      throw new NotAuthorizedException("Bearer");
    }
    Caller caller = sessions.activeCaller(sid, user, organization).orElse(null);
    if (caller == null) {
      invalidToken("session-ended");
      throw new NotAuthorizedException("Bearer");
    }
    servletRequest.setAttribute(CALLER, caller);
    servletRequest.setAttribute(SESSION, sid);
    RequestOrigin.bind(caller.userId(), requestId == null ? null : requestId.toString());
    Tenancy.bind(caller.organizationId());
    Requires required = annotation(Requires.class);
    if (required != null && Arrays.stream(required.value()).noneMatch(caller::may)) {
      throw new ForbiddenException();
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Tenancy.clear();
    RequestOrigin.clear();
  }

  private void invalidToken(String reason) {
    events.record(SecurityEvents.INVALID_TOKEN,
        Map.of("reason", reason, "client", clientAddress.of(servletRequest)));
  }

  /** Who the token names; its roles are not believed: they come from the memberships (docs/adr/0051). */
  private static UUID claimedId(Object claim) {
    return Ids.parse(claim == null ? null : claim.toString().replace("\"", ""))
        .orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  private boolean isPublic() {
    return resource == null || resource.getResourceMethod() == null || annotation(Public.class) != null;
  }

  private <A extends Annotation> A annotation(Class<A> type) {
    A onMethod = resource.getResourceMethod().getAnnotation(type);
    if (onMethod != null) {
      return onMethod;
    }
    AnnotatedElement owner = resource.getResourceClass();
    return owner == null ? null : owner.getAnnotation(type);
  }
}
