package dev.mechanics.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Names of the request properties that filters share. */
public final class RequestContext {

  public static final String REQUEST_ID = "mechanics.requestId";
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private RequestContext() {
  }

  public static String requestId(ContainerRequestContext request) {
    Object id = request.getProperty(REQUEST_ID);
    return id == null ? null : id.toString();
  }
}
