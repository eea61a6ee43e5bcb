package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.OneTransaction;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff of the organization and their role per shop (see docs/permissions.md for who may do what). */
@ApplicationScoped
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Capability.MANAGE_STAFF)
@Tag(name = "Staff")
public class UserResource {

  @Inject
  OneTransaction oneTransaction;

  @Inject
  StaffService staff;

  @Inject
  StaffPasswords passwords;

  @Inject
  CurrentCaller caller;

  @Inject
  InvitationTokens invitationTokens;

  @Inject
  InvitationMail invitationMail;

  @Inject
  PublicLinks links;

  @Inject
  @ConfigProperty(name = "INVITATION_LINK_LIFETIME", defaultValue = "72h")
  String invitationLifetime;

  @Schema(name = "MembershipRequest")
  public record MembershipRequest(@NotNull UUID shopId, @NotNull Role role) {
  }

  @Schema(name = "StaffMemberRequest")
  public record UserRequest(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String password,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull MembershipRequest> memberships) {
  }

  @Schema(name = "Membership")
  public record MembershipView(UUID shopId, String role) {
    static MembershipView of(Membership m) {
      return new MembershipView(m.getShopId(), m.getRole().name());
    }
  }

  @Schema(name = "StaffMember")
  public record UserView(UUID id, String email, String name, boolean enabled, boolean invitationPending,
                         Instant invitationExpiresAt, List<MembershipView> memberships, long version) {
  }

  private UserView view(StaffMember m) {
    return new UserView(m.getId(), m.getEmail(), m.getName(), m.isEnabled(), m.isInvitationPending(),
        m.getInvitationExpiresAt(), staff.membershipsOf(m.getId()).stream().map(MembershipView::of).toList(),
        m.getVersion());
  }

  @GET
  @Operation(operationId = "listStaff", summary = "List staff",
      description = "The organization's staff with their roles, a page at a time; a manager sees the staff of the "
          + "shops they manage.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  public Listing<UserView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    return Listing.of(staff.list(caller.get(), Listing.request(limit, after)), this::view);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getStaffMember", summary = "Read a staff member",
      description = "The staff member with their roles and their version as the `ETag`; a manager asking about "
          + "staff outside their shops gets 403.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "200", description = "The staff member.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
  public Response get(@PathParam("id") String id) {
    StaffMember member = staff.get(caller.get(), RequestIds.path("user", id));
    return Response.ok(view(member)).tag(Versions.etag(member.getVersion())).build();
  }

  /**
   * Creates a staff member with their roles: with an initial password (policy-checked), or without one, invited:
   * a signed, expiring, single-use link is mailed to them to choose their password.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createStaffMember", summary = "Add a staff member",
      description = "Creates a user with a role in one or more shops. With `password` (the password policy "
          + "applies) they can sign in at once; without it they are invited: a signed, single-use link valid for "
          + "INVITATION_LINK_LIFETIME is mailed to them (`Invitation-Sent` says whether the mail went out). A "
          + "manager may only grant SERVICE_ADVISOR and TECHNICIAN in their shops (else 403). 409 when the e-mail "
          + "is taken; 422 for an unknown shop or a weak password.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "201", description = "The new staff member.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "Invitation-Sent", ref = "InvitationSent")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "invite", value = """
          {"email": "sam@speedy.example", "name": "Sam Ortiz",
           "memberships": [{"shopId": "0193f1c2-0000-7000-8000-000000000001", "role": "TECHNICIAN"}]}""")))
                         UserRequest request, @Context UriInfo uri) {
    Map<UUID, Role> roles = new LinkedHashMap<>();
    request.memberships().forEach(m -> roles.put(m.shopId(), m.role()));
    String password = request.password();
    if (password != null && password.isBlank()) {
      throw new DomainException.Malformed("password",
          "password must not be blank (leave it out to invite the user by mail)");
    }
    StaffService.NewStaff newStaff = new StaffService.NewStaff(request.email().trim(), request.name().trim(),
        password, roles, lifetime());
    // hashed before the transaction: waiting for the hasher holds no pooled connection (ADR 0057)
    String passwordHash = passwords.forNewStaff(caller.get(), newStaff);
    // the new staff member and their invitation mail commit together (the outbox, ADR 0046)
    return oneTransaction.call(() -> {
      StaffMember member = staff.create(caller.get(), newStaff, passwordHash);
      Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder()
          .path(member.getId().toString()).build()).entity(view(member));
      if (member.isInvitationPending()) {
        created.header("Invitation-Sent", Boolean.toString(sendInvitation(member)));
      }
      return created.build();
    });
  }

  /** Mails a new invitation link to a user who has not accepted one yet (earlier links stop working). */
  @POST
  @Path("/{id}/invitation")
  @Operation(operationId = "resendInvitation", summary = "Send a new invitation",
      description = "Mails a new invitation link to a user who has not accepted one yet; earlier links stop "
          + "working. 409 once the user has a password or is disabled.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "200", description = "The staff member with the new invitation's expiry.",
      headers = @Header(name = "Invitation-Sent", ref = "InvitationSent"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response reinvite(@PathParam("id") String id) {
    return oneTransaction.call(() -> {
      StaffMember member = staff.reinvite(caller.get(), RequestIds.path("user", id), lifetime());
      return Response.ok(view(member)).header("Invitation-Sent", Boolean.toString(sendInvitation(member)))
          .build();
    });
  }

  private Duration lifetime() {
    return DurationSetting.parse("INVITATION_LINK_LIFETIME", invitationLifetime);
  }

  /** In the transaction of the change: a rolled-back invitation sends nothing. */
  private boolean sendInvitation(StaffMember member) {
    String url = links.page("invitations", invitationTokens.sign(member.getId(), member.getInvitationNonce()));
    return invitationMail.send(member, url);
  }

  /** Disables the account; its sessions end at once. */
  @POST
  @Path("/{id}/disable")
  @Requires(Capability.DISABLE_STAFF)
  @Operation(operationId = "disableStaffMember", summary = "Disable a staff member",
      description = "Disables the account: its sessions end at once and it can no longer sign in. 422 for "
          + "oneself.",
      extensions = @Extension(name = "x-requires", value = "DISABLE_STAFF"))
  @APIResponse(responseCode = "200", description = "The disabled staff member.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public UserView disable(@PathParam("id") String id) {
    return view(staff.disable(caller.get(), RequestIds.path("user", id)));
  }

  @GET
  @Path("/{id}/memberships")
  @Operation(operationId = "listMemberships", summary = "List a staff member's roles",
      description = "The staff member's role in each shop.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  public List<MembershipView> memberships(@PathParam("id") String id) {
    StaffMember member = staff.get(caller.get(), RequestIds.path("user", id));
    return staff.membershipsOf(member.getId()).stream().map(MembershipView::of).toList();
  }

  /** Gives the user a role in a shop, replacing the role they held there. */
  @POST
  @Path("/{id}/memberships")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "assignMembership", summary = "Give a role in a shop",
      description = "Gives the staff member a role in a shop, replacing the role they held there. A manager may "
          + "only grant SERVICE_ADVISOR and TECHNICIAN in their shops (else 403); 422 for an unknown shop.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "200", description = "The role in the shop.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public MembershipView assign(@PathParam("id") String id,
                               @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "advisor", value = """
                                       {"shopId": "0193f1c2-0000-7000-8000-000000000001", "role": "SERVICE_ADVISOR"}""")))
                               MembershipRequest request) {
    return MembershipView.of(staff.assign(caller.get(), RequestIds.path("user", id), request.shopId(), request.role()));
  }

  @DELETE
  @Path("/{id}/memberships/{shopId}")
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "removeMembership", summary = "Take a role away",
      description = "Removes the staff member's role in the shop (a manager: only SERVICE_ADVISOR and "
          + "TECHNICIAN roles in their shops, else 403). 409 when it would leave the organization without an "
          + "owner.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response remove(@PathParam("id") String id, @PathParam("shopId") String shopId) {
    staff.removeMembership(caller.get(), RequestIds.path("user", id), RequestIds.path("shop", shopId));
    return Response.noContent().build();
  }
}
