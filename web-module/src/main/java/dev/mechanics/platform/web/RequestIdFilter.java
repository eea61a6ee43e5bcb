package dev.mechanics.platform.web;

import dev.mechanics.platform.Ids;
import dev.mechanics.platform.PublicLinks;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a plain token (so a proxy's id
 * carries through), otherwise a new one. It is echoed in the response, problem details and logs. It also binds
 * the root the request came to, which {@link PublicLinks} uses for links only when PUBLIC_BASE_URL is unset.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  @Context
  HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String given = request.getHeaderString(RequestContext.REQUEST_ID_HEADER);
    String id = given != null && SAFE.matcher(given).matches() ? given : Ids.newId().toString();
    request.setProperty(RequestContext.REQUEST_ID, id);
    servletRequest.setAttribute(RequestContext.REQUEST_ID, id);
    PublicLinks.bindRequestRoot(PublicLinks.rootOf(request.getUriInfo().getBaseUri()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    PublicLinks.clearRequestRoot();
    String id = RequestContext.requestId(request);
    if (id != null) {
      response.getHeaders().putSingle(RequestContext.REQUEST_ID_HEADER, id);
    }
  }
}
