package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.Public;
import dev.mechanics.tenancy.AuthResource.LoginRequest;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sessions for the browser app (docs/adr/0043): the same sessions as {@link AuthResource}, but the refresh token
 * travels only in an {@code HttpOnly; Secure; SameSite=Strict} cookie limited to this path, so script never
 * reads it and a page reload keeps the session. The access token is answered in the body and kept in memory.
 */
@ApplicationScoped
@Path("/auth/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-up and sessions")
public class SessionCookieResource {

  /** The refresh cookie's name and path: sent back only to this resource. */
  public static final String COOKIE = "mechanics_refresh";
  public static final String COOKIE_PATH = "/api/v1/auth/session";

  @Inject
  SessionService sessions;

  @Inject
  PasswordSignIn signIn;

  @Context
  HttpServletRequest servletRequest;

  /** The access token only: the refresh token is in the cookie. */
  public record SessionStarted(String accessToken, String tokenType, long expiresIn) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  @SecurityRequirements
  @Operation(operationId = "startBrowserSession", summary = "Sign in (browser)",
      description = "Signs in like `POST /auth/login`, but answers only the access token in the body and sets the "
          + "refresh token as an `HttpOnly; Secure; SameSite=Strict` cookie limited to `/api/v1/auth/session`. "
          + "Every failure answers the same 401; limited per client address.")
  @APIResponse(responseCode = "200", description = "Signed in; the refresh cookie is set.",
      headers = @Header(name = HttpHeaders.SET_COOKIE, description = "The refresh cookie.",
          schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionStarted.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response start(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "owner", value = """
          {"email": "owner@demo.mechanics.dev", "password": "demo-Garage-2026"}"""))) LoginRequest request) {
    return issue(signIn.signIn(request.email(), request.password(), servletRequest));
  }

  @POST
  @Path("/refresh")
  @Public
  @SecurityRequirements
  @Operation(operationId = "refreshBrowserSession", summary = "Refresh the browser session",
      description = "Rotates the refresh cookie like `POST /auth/refresh` rotates the body's token: a new access "
          + "token in the body, a new cookie. A spent cookie sent again ends the whole session. 204 without a "
          + "cookie (nobody is signed in in this browser); 401, and the cookie cleared, for an invalid, expired, "
          + "spent or revoked one. Limited per client address.")
  @APIResponse(responseCode = "200", description = "A new access token; the cookie is rotated.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionStarted.class)))
  @APIResponse(responseCode = "204", description = "No refresh cookie: no session to restore.")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response refresh(@Parameter(in = ParameterIn.COOKIE, name = COOKIE, description = "The refresh token.")
                          @CookieParam(COOKIE) String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      // no cookie: nobody is signed in in this browser, which is no error (the app asks on every page load)
      return Response.noContent().build();
    }
    try {
      if (refreshToken.length() > 200) {
        throw new DomainException.AuthenticationFailed("The refresh cookie is invalid; sign in again");
      }
      return issue(signIn.refresh(refreshToken));
    } catch (DomainException.AuthenticationFailed e) {
      // the cookie is no use any more: clear it with the 401
      return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.SET_COOKIE, cookie("", 0))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .entity(Problem.of(401, "unauthorized", "Unauthorized", e.getMessage(), null)).build();
    }
  }

  @DELETE
  @Public
  @SecurityRequirements
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "endBrowserSession", summary = "Sign out (browser)",
      description = "Ends the session of the refresh cookie (its refresh tokens and access tokens stop working at "
          + "once) and clears the cookie. Without a cookie it only clears it: signing out twice is no error.")
  @APIResponse(responseCode = "204", description = "The session has ended; the cookie is cleared.")
  public Response end(@Parameter(in = ParameterIn.COOKIE, name = COOKIE, description = "The refresh token.")
                      @CookieParam(COOKIE) String refreshToken) {
    if (refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= 200) {
      sessions.revokeByRefreshToken(refreshToken, "logout");
    }
    return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
  }

  private static Response issue(PasswordSignIn.Tokens issued) {
    return Response.ok(new SessionStarted(issued.accessToken(), "Bearer", issued.accessSeconds()))
        .header(HttpHeaders.SET_COOKIE, cookie(issued.refreshToken(), issued.refreshSeconds())).build();
  }

  /** Secure even over http://localhost: browsers accept Secure cookies from localhost. */
  static String cookie(String value, long maxAgeSeconds) {
    return COOKIE + "=" + value + "; Path=" + COOKIE_PATH + "; Max-Age=" + maxAgeSeconds
        + "; HttpOnly; Secure; SameSite=Strict";
  }
}
