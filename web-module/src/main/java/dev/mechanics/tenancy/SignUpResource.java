package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public sign-up of a new chain: organization, first shop and owner. */
@ApplicationScoped
@Path("/organizations")
@Public
@SecurityRequirements
@Tag(name = "Sign-up and sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignUpResource {

  @Inject
  SignUpService signUps;

  public record SignUpRequest(
      @NotBlank @Size(max = 200) String organizationName,
      @NotBlank @Size(max = 200) String shopName,
      @NotBlank @TimeZoneId String timeZone,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @CurrencyCode
      String currency,
      @NotBlank @Size(max = 200) String ownerName,
      @NotBlank @Email @Size(max = 320) String ownerEmail,
      @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String ownerPassword) {
  }

  public record SignUpResponse(UUID organizationId, String organizationName, UUID shopId, UUID ownerId,
                               String ownerEmail) {
  }

  @POST
  @Operation(operationId = "signUp", summary = "Sign up a new chain",
      description = "Creates an organization with its first shop and that shop's owner, who can then sign in. "
          + "Limited per client address like sign-in. 409 when the e-mail already belongs to a user.")
  @APIResponse(responseCode = "201", description = "The organization, its shop and its owner.",
      headers = @Header(name = "Location", ref = "Location"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = SignUpResponse.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response signUp(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "chain", value = """
          {"organizationName": "Speedy Auto Care", "shopName": "Downtown", "timeZone": "America/New_York",
           "currency": "USD", "ownerName": "Dana Reyes", "ownerEmail": "dana@speedy.example",
           "ownerPassword": "correct horse battery staple"}"""))) SignUpRequest request, @Context UriInfo uri) {
    SignUpService.Created created = signUps.signUp(new SignUp(request.organizationName().trim(),
        request.shopName().trim(), request.timeZone(), request.currency(), request.ownerName().trim(),
        request.ownerEmail(), request.ownerPassword()));
    return Response.created(uri.getBaseUriBuilder().path("me").build())
        .entity(new SignUpResponse(created.organization().getId(), created.organization().getName(),
            created.shop().getId(), created.owner().getId(), created.owner().getEmail()))
        .build();
  }
}
