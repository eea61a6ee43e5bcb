package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The invited user's side of an invitation link (no sign-in; the signed link is the credential): choose a
 * password (the password policy applies). The link works once and until it expires; then sign in as usual.
 */
@ApplicationScoped
@Path("/invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@SecurityRequirements
@Tag(name = "Sign-up and sessions")
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
  @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
      description = "The invited staff member chooses their password (the password policy applies: 422); then "
          + "they sign in as usual. The link is the credential: a tampered one is 404, one already used (or "
          + "replaced by a newer invitation) 409, an expired one 410. Limited per client address like sign-in.")
  @APIResponse(responseCode = "200", description = "The password is set; the user can sign in.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptedView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "410", ref = "Gone")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public AcceptedView accept(@Parameter(description = "The signed token of the invitation link (mailed to the "
                                 + "user).") @PathParam("token") String token,
                             @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                 examples = @ExampleObject(name = "password", value = """
                                     {"password": "a long and private passphrase"}"""))) AcceptRequest request) {
    InvitationTokens.Invitation invitation = tokens.verify(token);
    StaffService.Accepted accepted = invitations.accept(invitation.userId(), invitation.nonce(),
        request.password());
    return new AcceptedView(accepted.userId(), accepted.email());
  }
}
