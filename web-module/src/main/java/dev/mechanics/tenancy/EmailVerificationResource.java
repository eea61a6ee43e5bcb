package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.OneTransaction;
import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Proving one's e-mail address (issue 15.3: the platform-operator role needs a proven address): a signed-in user
 * asks for a link mailed to their own address; whoever follows it (POST, no sign-in: the link is the credential)
 * proves that address. Valid as long as an invitation ({@code INVITATION_LINK_LIFETIME}). The mail links to the
 * app's page {@code /email-verifications/{token}} (a browser opening a link sends GET), which POSTs here.
 */
@ApplicationScoped
@Path("/email-verifications")
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
public class EmailVerificationResource {

  @Inject
  OneTransaction oneTransaction;

  @Inject
  EmailVerificationService verifications;

  @Inject
  EmailVerificationTokens tokens;

  @Inject
  EmailVerificationMail mail;

  @Inject
  PublicLinks links;

  @Inject
  CurrentCaller caller;

  @Inject
  @ConfigProperty(name = "INVITATION_LINK_LIFETIME", defaultValue = "72h")
  String lifetime;

  /** {@code mailSent}: a link went to the caller's address; nothing is sent once the address is proven. */
  public record RequestedView(boolean emailVerified, boolean mailSent) {
  }

  public record VerifiedView(UUID userId, String email, boolean emailVerified) {
  }

  @POST
  @Operation(operationId = "requestEmailVerification", summary = "Prove your e-mail address",
      description = "Mails a signed link (valid for INVITATION_LINK_LIFETIME) to the caller's own address; "
          + "following it proves the address (`mailSent`). Nothing is sent once the address is proven "
          + "(`emailVerified`). Any signed-in user.")
  @APIResponse(responseCode = "200", description = "Whether a link went out.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestedView.class)))
  public RequestedView request() {
    // the proof and its mail commit together (the outbox, ADR 0046)
    return oneTransaction.call(() -> {
      Optional<EmailVerificationService.Requested> requested = verifications.request(caller.get(),
          DurationSetting.parse("INVITATION_LINK_LIFETIME", lifetime));
      if (requested.isEmpty()) {
        return new RequestedView(true, false);
      }
      EmailVerificationService.Proof proof = requested.get().proof();
      boolean sent = mail.send(requested.get().email(), requested.get().name(),
          links.page("email-verifications", tokens.sign(proof)), proof.expiresAt());
      return new RequestedView(false, sent);
    });
  }

  @POST
  @Path("/{token}")
  @Public
  @SecurityRequirements
  @Operation(operationId = "confirmEmailVerification", summary = "Confirm an e-mail address",
      description = "Whoever holds the mailed link proves the address it was sent to (no sign-in: the link is the "
          + "credential). A tampered link is 404; a used one 409; an expired one 410.")
  @APIResponse(responseCode = "200", description = "The proven address.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifiedView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "410", ref = "Gone")
  public VerifiedView confirm(@Parameter(description = "The signed token of the mailed link.")
                              @PathParam("token") String token) {
    StaffService.Accepted verified = verifications.confirm(tokens.verify(token));
    return new VerifiedView(verified.userId(), verified.email(), true);
  }
}
