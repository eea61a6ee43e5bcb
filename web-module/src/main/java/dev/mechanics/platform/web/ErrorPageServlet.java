package dev.mechanics.platform.web;

import dev.mechanics.platform.SecurityEvents;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Errors raised by the web container itself (an unknown path outside the API, a rejected token before JAX-RS
 * runs) are answered as problem+json too; web.xml routes its error pages here.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /** A request attribute: the problem a filter refused the request with (else one by status alone). */
  public static final String PROBLEM = "mechanics.problem";
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject
  SecurityEvents events;

  @Inject
  ClientAddress clientAddress;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404;
    Problem problem = request.getAttribute(PROBLEM) instanceof Problem given ? given : switch (status) {
      case 401 -> Problem.of(401, "unauthorized", "Unauthorized",
          "The access token is missing, expired or invalid; sign in again", null);
      case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", null);
      case 404 -> Problem.of(404, "not-found", "Not found", "There is no resource at this address", null);
      case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
          "This resource does not support this HTTP method", null);
      case 413 -> Problem.of(413, "payload-too-large", "Request body too large", "The body is too large", null);
      default -> status >= 500
          ? Problem.of(500, "internal", "Internal error", "Something went wrong on our side", null)
          : Problem.of(status, "http-" + status, "Request refused", "The request cannot be served as sent", null);
    };
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
      if (request.getHeader("Authorization") != null && events != null) {
        // MicroProfile JWT refused the token before the application saw the request
        events.record(SecurityEvents.INVALID_TOKEN, Map.of("reason", "rejected",
            "client", clientAddress.of(request)));
      }
    }
    response.getWriter().write(JSONB.toJson(problem.at(uri == null ? null : uri.toString(), null)));
  }
}
