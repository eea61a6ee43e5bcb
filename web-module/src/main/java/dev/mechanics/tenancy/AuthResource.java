package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.ratelimit.RateLimits;
import dev.mechanics.platform.security.AccessTokens;
import dev.mechanics.platform.security.SecuritySettings;
import dev.mechanics.platform.web.AuthenticationFilter;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.platform.web.CurrentCaller;
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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sessions: sign in (access + refresh token), rotate the refresh token, sign out, change one's password.
 * Sign-in answers the same 401 for every failure (unknown e-mail, wrong password, disabled, locked).
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject
  AuthenticationService authentication;

  @Inject
  SessionService sessions;

  @Inject
  AccessTokens tokens;

  @Inject
  SecuritySettings settings;

  @Inject
  RateLimits limits;

  @Inject
  ClientAddress clientAddress;

  @Inject
  CurrentCaller caller;

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
  public TokenResponse login(@Valid @NotNull LoginRequest request) {
    String address = clientAddress.of(servletRequest);
    SignedInStaff staff;
    try {
      staff = authentication.authenticate(request.email(), request.password(), address);
    } catch (DomainException.AuthenticationFailed e) {
      limits.signInFailed(address);
      throw e;
    }
    return issue(sessions.open(staff, settings.refreshTokenLifetime()));
  }

  @POST
  @Path("/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
    return issue(sessions.refresh(request.refreshToken(), settings.refreshTokenLifetime()));
  }

  /** Ends the session of the access token used (and so every refresh token of its family). */
  @POST
  @Path("/logout")
  public Response logout() {
    caller.get();
    sessions.revoke((UUID) servletRequest.getAttribute(AuthenticationFilter.SESSION), "logout");
    return Response.noContent().build();
  }

  /** Changes the caller's password; every session of theirs ends, this one included. */
  @POST
  @Path("/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(@Valid @NotNull PasswordChange request) {
    authentication.changePassword(caller.get(), request.currentPassword(), request.newPassword());
    return Response.noContent().build();
  }

  private TokenResponse issue(SessionService.Issued issued) {
    AccessTokens.Issued access = tokens.issue(issued.staff(), issued.sessionId());
    long refreshSeconds = Math.max(0, Duration.between(Instant.now(),
        issued.refreshExpiresAt()).toSeconds());
    return new TokenResponse(access.token(), "Bearer", access.lifetime().toSeconds(), issued.refreshToken(),
        refreshSeconds);
  }
}
