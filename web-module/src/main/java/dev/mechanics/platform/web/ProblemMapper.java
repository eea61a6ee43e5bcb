package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.SecurityEvents;
import dev.mechanics.tenancy.Caller;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where an exception becomes an HTTP answer: RFC 9457 problem+json, never a stack trace.
 * Anything unexpected is logged with the request id and answered with a bare 500.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  /** Outages seen in the fault suite end within seconds of the dependency's return (docs/benchmarks.md). */
  private static final int RETRY_AFTER_OUTAGE_SECONDS = 5;

  @Context
  UriInfo uriInfo;

  @Context
  HttpServletRequest request;

  @Inject
  SecurityEvents events;

  @Override
  public Response toResponse(Throwable error) {
    Problem problem = problemFor(error);
    String requestId = request == null ? null : (String) request.getAttribute(RequestContext.REQUEST_ID);
    String away = problem.status() == 503 ? DependencyFailures.unavailable(error) : null;
    if (away != null) {
      // an outage, not a bug: one line per request, no stack trace (the health document says which)
      LOG.warning("event=dependency.unavailable dependency=" + away + " request=" + requestId + " cause="
          + rootCause(error).getClass().getSimpleName());
    } else if (problem.status() >= 500) {
      LOG.log(Level.SEVERE, "Unhandled error in request " + requestId, error);
    }
    String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA)
        .entity(problem.at(instance, requestId));
    if (error instanceof NotAllowedException notAllowed) {
      response.allow(notAllowed.getResponse().getAllowedMethods());
    }
    if (problem.status() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    if (error instanceof DomainException.TooManyRequests tooMany) {
      response.header("Retry-After", tooMany.retryAfterSeconds());
    }
    if (away != null) {
      response.header("Retry-After", RETRY_AFTER_OUTAGE_SECONDS);
    }
    if (problem.status() == 403 && events != null) {
      Object caller = request == null ? null : request.getAttribute(AuthenticationFilter.CALLER);
      events.record(SecurityEvents.FORBIDDEN, Map.of(
          "user", caller instanceof Caller c ? c.userId() : "-",
          "path", instance == null ? "-" : instance));
    }
    return response.build();
  }

  static Problem problemFor(Throwable error) {
    Throwable tooLarge = find(error, PayloadTooLarge.class);
    if (tooLarge != null) {
      return Problem.of(413, "payload-too-large", "Request body too large", tooLarge.getMessage(), null);
    }
    if (error instanceof DomainException domain) {
      return domainProblem(domain);
    }
    if (error instanceof ConstraintViolationException violations) {
      return validationProblem(violations);
    }
    if (error instanceof NotFoundException) {
      return Problem.of(404, "not-found", "Not found", "There is no resource at this address", null);
    }
    if (error instanceof NotAllowedException) {
      return Problem.of(405, "method-not-allowed", "Method not allowed",
          "This resource does not support this HTTP method", null);
    }
    if (error instanceof NotSupportedException) {
      return Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "Send the body as application/json", null);
    }
    if (error instanceof NotAcceptableException) {
      return Problem.of(406, "not-acceptable", "Not acceptable", "This resource answers in application/json",
          null);
    }
    if (error instanceof NotAuthorizedException) {
      return Problem.of(401, "unauthorized", "Unauthorized", "Sign in and send the access token as "
          + "'Authorization: Bearer <token>'", null);
    }
    if (error instanceof ForbiddenException) {
      return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", null);
    }
    if (find(error, JsonParsingException.class) != null || find(error, JsonbException.class) != null
        || (error instanceof ProcessingException && !(error instanceof WebApplicationException))) {
      return Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON of the expected "
          + "shape: " + jsonDetail(error), null);
    }
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return Problem.of(status, "http-" + status, web.getResponse().getStatusInfo().getReasonPhrase(),
          "The request cannot be served as sent", null);
    }
    if (find(error, OptimisticLockException.class) != null
        || find(error, org.hibernate.StaleStateException.class) != null) {
      return Problem.of(409, "concurrent-change", "Changed concurrently",
          "Someone else changed this at the same moment; reload it and try again", null);
    }
    if (find(error, ArithmeticException.class) != null) {
      return Problem.of(422, "amount-out-of-range", "Amount out of range", "A number in this request gives an "
          + "amount or a sum that cannot be kept (at most 999999999999.99)", null);
    }
    String away = DependencyFailures.unavailable(error);
    if ("database".equals(away)) {
      return Problem.of(503, "database-unavailable", "Service unavailable", "The database does not answer at "
          + "the moment; try again in a few seconds", null);
    }
    if ("storage".equals(away)) {
      return Problem.of(503, "storage-unavailable", "Service unavailable", "File storage does not answer at the "
          + "moment; try again in a few seconds", null);
    }
    SQLException sql = find(error, SQLException.class);
    if (sql != null) {
      String state = sql.getSQLState();
      if ("22003".equals(state)) {
        return Problem.of(422, "amount-out-of-range", "Amount out of range", "A number in this request is "
            + "larger than can be stored", null);
      }
      if ("23505".equals(state)) {
        return Problem.of(409, "conflict", "Conflict", "This would duplicate an existing record", null);
      }
      if ("22021".equals(state) || "22P05".equals(state) || "22001".equals(state)) {
        return Problem.of(400, "validation", "Invalid request", "A value cannot be stored as sent (invalid "
            + "characters or too long)", null);
      }
      if ("23P01".equals(state)) {
        return Problem.of(409, "conflict", "Conflict", "This overlaps an existing booking", null);
      }
      if ("23503".equals(state)) {
        return Problem.of(409, "conflict", "Conflict", "Other records still refer to this one", null);
      }
    }
    return Problem.of(500, "internal", "Internal error", "Something went wrong on our side; quote the request "
        + "id when you report it", null);
  }

  private static Problem domainProblem(DomainException domain) {
    List<Problem.FieldError> fields = domain.fieldProblems().stream()
        .map(p -> new Problem.FieldError(p.field(), p.message())).toList();
    if (domain instanceof DomainException.UnusableLink link) {
      Problem problem = Problem.of(link.reason().status(), link.link() + "-" + link.reason().name()
          .toLowerCase(Locale.ROOT), switch (link.reason()) {
            case INVALID -> "Not found";
            case USED -> "Link already used";
            case EXPIRED -> "Link expired";
          }, domain.getMessage(), null);
      return link.contact() == null ? problem
          : problem.withShop(new Problem.ShopContact(link.contact().name(), link.contact().phone()));
    }
    if (domain instanceof DomainException.NotFound) {
      return Problem.of(404, "not-found", "Not found", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.Conflict) {
      return Problem.of(409, "conflict", "Conflict", domain.getMessage(), fields);
    }
    if (domain instanceof DomainException.Forbidden) {
      return Problem.of(403, "forbidden", "Forbidden", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.AuthenticationFailed) {
      return Problem.of(401, "authentication-failed", "Authentication failed", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.TooManyRequests) {
      return Problem.of(429, "too-many-requests", "Too many requests", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.Gone) {
      return Problem.of(410, "gone", "Gone", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.StaleVersion || domain instanceof PreconditionFailed) {
      return Problem.of(412, "precondition-failed", "Precondition failed", domain.getMessage(), null);
    }
    if (domain instanceof PreconditionRequired) {
      return Problem.of(428, "precondition-required", "Precondition required", domain.getMessage(), null);
    }
    if (domain instanceof DomainException.Malformed) {
      return Problem.of(400, "validation", "Invalid request", domain.getMessage(), fields);
    }
    return Problem.of(422, "unprocessable", "Unprocessable request", domain.getMessage(), fields);
  }

  private static Problem validationProblem(ConstraintViolationException violations) {
    List<Problem.FieldError> fields = violations.getConstraintViolations().stream()
        .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
        .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
        .toList();
    return Problem.of(400, "validation", "Invalid request",
        fields.size() == 1 ? "1 field is invalid" : fields.size() + " fields are invalid", fields);
  }

  /** The JSON name of the violated field: the last property of the path, or "body" for the body itself. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String field = "body";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        field = node.getName();
      }
    }
    return field;
  }

  private static String jsonDetail(Throwable error) {
    JsonParsingException parsing = find(error, JsonParsingException.class);
    if (parsing != null && parsing.getLocation() != null) {
      return "syntax error at line " + parsing.getLocation().getLineNumber() + ", column "
          + parsing.getLocation().getColumnNumber();
    }
    return "a value has the wrong type or the document is not a JSON object";
  }

  private static Throwable rootCause(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
