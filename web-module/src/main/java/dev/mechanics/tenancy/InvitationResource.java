package dev.mechanics.tenancy;

import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The invited user's side of an invitation link (no sign-in; the signed link is the credential): choose a
 * password (the password policy applies). The link works once and until it expires; then sign in as usual.
 */
@Path("/invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Public
public class InvitationResource {

  @Inject
  InvitationTokens tokens;

  @Inject
  InvitationService invitations;

  public record AcceptRequest(@NotBlank @Size(max = 200) String password) {
  }

  public record AcceptedView(UUID userId, String email) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public AcceptedView accept(@PathParam("token") String token, @Valid @NotNull AcceptRequest request) {
    InvitationTokens.Invitation invitation = tokens.verify(token);
    StaffService.Accepted accepted = invitations.accept(invitation.userId(), invitation.nonce(),
        request.password());
    return new AcceptedView(accepted.userId(), accepted.email());
  }
}
