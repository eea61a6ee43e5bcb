package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.ratelimit.RateLimits;
import dev.mechanics.platform.security.AccessTokens;
import dev.mechanics.platform.security.SecuritySettings;
import dev.mechanics.platform.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Opening and rotating sessions, for both ways a client holds its refresh token: in the body (REST clients,
 * {@link AuthResource}) and in the cookie (the browser app, {@link SessionCookieResource}). One place decides
 * that a failed sign-in counts against the client address's budget.
 */
@ApplicationScoped
public class PasswordSignIn {

  /** What a client is handed: the access token and the refresh token, each with its lifetime in seconds. */
  public record Tokens(String accessToken, long accessSeconds, String refreshToken, long refreshSeconds) {
  }

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

  public Tokens signIn(String email, String password, HttpServletRequest request) {
    String address = clientAddress.of(request);
    SignedInStaff staff;
    try {
      staff = authentication.authenticate(email, password, address);
    } catch (DomainException.AuthenticationFailed e) {
      limits.signInFailed(address);
      throw e;
    }
    return tokensOf(sessions.open(staff, settings.refreshTokenLifetime()));
  }

  /** Rotates {@code refreshToken}; a spent one sent again ends its whole session (401). */
  public Tokens refresh(String refreshToken) {
    return tokensOf(sessions.refresh(refreshToken, settings.refreshTokenLifetime()));
  }

  private Tokens tokensOf(SessionService.Issued issued) {
    AccessTokens.Issued access = tokens.issue(issued.staff(), issued.sessionId());
    long refreshSeconds = Math.max(0, Duration.between(Instant.now(), issued.refreshExpiresAt()).toSeconds());
    return new Tokens(access.token(), access.lifetime().toSeconds(), issued.refreshToken(), refreshSeconds);
  }
}
