package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.AuthenticationFilter;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sessions: sign in (access + refresh token), rotate the refresh token, sign out, change one's password.
 * Sign-in answers the same 401 for every failure (unknown e-mail, wrong password, disabled, locked).
 */
@ApplicationScoped
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-up and sessions")
public class AuthResource {

  @Inject
  AuthenticationService authentication;

  @Inject
  SessionService sessions;

  @Inject
  PasswordSignIn signIn;

  @Inject
  CurrentCaller caller;

  @Inject
  AccountMails accountMails;

  @Context
  HttpServletRequest servletRequest;

  public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
  }

  public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
  }

  public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                               @NotBlank @Size(max = 200) String newPassword) {
  }

  public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                              long refreshExpiresIn) {
  }

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  @SecurityRequirements
  @Operation(operationId = "signIn", summary = "Sign in",
      description = "Exchanges an e-mail and password for a short-lived access token and a refresh token (the "
          + "session). Every failure (unknown e-mail, wrong password, disabled or locked account) answers the "
          + "same 401; after repeated failures the account is locked for a while. Limited per client address.")
  @APIResponse(responseCode = "200", description = "The tokens of the new session.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public TokenResponse login(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "owner", value = """
          {"email": "owner@demo.mechanics.dev", "password": "demo-Garage-2026"}"""))) LoginRequest request) {
    return issue(signIn.signIn(request.email(), request.password(), servletRequest));
  }

  @POST
  @Path("/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  @SecurityRequirements
  @Operation(operationId = "refreshSession", summary = "Refresh the tokens",
      description = "Rotates the refresh token: answers a new access token and a new refresh token, and retires "
          + "the one sent. Sending a retired refresh token again ends the whole session (it was stolen or "
          + "replayed). 401 for an unknown, expired, retired or revoked token. Limited per client address.")
  @APIResponse(responseCode = "200", description = "The session's new tokens.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public TokenResponse refresh(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "refresh", value = """
          {"refreshToken": "rt_0193f1c27d4e7c6a.Qm9vdHMgYW5kIGJyYWtlcw"}"""))) RefreshRequest request) {
    return issue(signIn.refresh(request.refreshToken()));
  }

  /** Ends the session of the access token used (and so every refresh token of its family). */
  @POST
  @Path("/logout")
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "signOut", summary = "Sign out",
      description = "Ends the session of the access token used: its refresh tokens stop working at once, and so "
          + "does the access token.")
  @APIResponse(responseCode = "204", description = "The session has ended.")
  public Response logout() {
    caller.get();
    sessions.revoke((UUID) servletRequest.getAttribute(AuthenticationFilter.SESSION), "logout");
    return Response.noContent().build();
  }

  /** Changes the caller's password; every session of theirs ends, this one included. */
  @POST
  @Path("/password")
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "changePassword", summary = "Change one's password",
      description = "Changes the caller's password. 422 when `currentPassword` is wrong or the new one breaks the "
          + "password policy (at least 12 characters, not a common password, not the e-mail). Every session of "
          + "the caller ends, this one included: sign in again. 409 when the password was changed by another "
          + "request while this one was checked.")
  @APIResponse(responseCode = "204", description = "Changed; every session of the caller has ended.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response changePassword(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "change", value = """
          {"currentPassword": "demo-Garage-2026", "newPassword": "a much longer garage passphrase"}""")))
                                 PasswordChange request) {
    authentication.changePassword(caller.get(), request.currentPassword(), request.newPassword());
    accountMails.passwordChanged(caller.get().userId(), Instant.now());
    return Response.noContent().build();
  }

  private static TokenResponse issue(PasswordSignIn.Tokens issued) {
    return new TokenResponse(issued.accessToken(), "Bearer", issued.accessSeconds(), issued.refreshToken(),
        issued.refreshSeconds());
  }
}
