package dev.mechanics.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Takes precedence over the JAX-RS runtime's own validation mapper and hands over to {@link ProblemMapper}. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Context
  UriInfo uriInfo;

  @Context
  HttpServletRequest request;

  @Override
  public Response toResponse(ValidationException error) {
    ProblemMapper mapper = new ProblemMapper();
    mapper.uriInfo = uriInfo;
    mapper.request = request;
    return mapper.toResponse(error);
  }
}
