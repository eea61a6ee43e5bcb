package dev.mechanics.tenancy;

import dev.mechanics.platform.security.AccessTokens;
import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Sign-in: e-mail and password for a signed access token. */
@Path("/auth")
@Public
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject
  AuthenticationService authentication;

  @Inject
  AccessTokens tokens;

  public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
  }

  public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
  }

  @POST
  @Path("/login")
  public TokenResponse login(@Valid @NotNull LoginRequest request) {
    SignedInStaff staff = authentication.authenticate(request.email(), request.password());
    AccessTokens.Issued access = tokens.issue(staff);
    return new TokenResponse(access.token(), "Bearer", access.lifetime().toSeconds());
  }
}
