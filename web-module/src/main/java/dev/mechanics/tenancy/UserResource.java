package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.Listing;
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

/** Staff of the organization and their role per shop (see docs/permissions.md for who may do what). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Capability.MANAGE_STAFF)
public class UserResource {

  @Inject
  StaffService staff;

  @Inject
  CurrentCaller caller;

  @Inject
  InvitationTokens invitationTokens;

  @Inject
  InvitationMail invitationMail;

  @Inject
  @ConfigProperty(name = "INVITATION_LINK_LIFETIME", defaultValue = "72h")
  String invitationLifetime;

  public record MembershipRequest(@NotNull UUID shopId, @NotNull Role role) {
  }

  public record UserRequest(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String password,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull MembershipRequest> memberships) {
  }

  public record MembershipView(UUID shopId, String role) {
    static MembershipView of(Membership m) {
      return new MembershipView(m.getShopId(), m.getRole().name());
    }
  }

  public record UserView(UUID id, String email, String name, boolean enabled, boolean invitationPending,
                         Instant invitationExpiresAt, List<MembershipView> memberships, long version) {
  }

  private UserView view(StaffMember m) {
    return new UserView(m.getId(), m.getEmail(), m.getName(), m.isEnabled(), m.isInvitationPending(),
        m.getInvitationExpiresAt(), staff.membershipsOf(m.getId()).stream().map(MembershipView::of).toList(),
        m.getVersion());
  }

  @GET
  public Listing<UserView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    return Listing.of(staff.list(caller.get(), Listing.request(limit, after)), this::view);
  }

  @GET
  @Path("/{id}")
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
  public Response create(@Valid @NotNull UserRequest request, @Context UriInfo uri) {
    Map<UUID, Role> roles = new LinkedHashMap<>();
    request.memberships().forEach(m -> roles.put(m.shopId(), m.role()));
    String password = request.password();
    if (password != null && password.isBlank()) {
      throw new DomainException.Malformed("password",
          "password must not be blank (leave it out to invite the user by mail)");
    }
    StaffMember member = staff.create(caller.get(), new StaffService.NewStaff(request.email().trim(),
        request.name().trim(), password, roles, lifetime()));
    Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(member.getId().toString())
        .build()).entity(view(member));
    if (member.isInvitationPending()) {
      created.header("Invitation-Sent", Boolean.toString(sendInvitation(member, uri)));
    }
    return created.build();
  }

  /** Mails a new invitation link to a user who has not accepted one yet (earlier links stop working). */
  @POST
  @Path("/{id}/invitation")
  public Response reinvite(@PathParam("id") String id, @Context UriInfo uri) {
    StaffMember member = staff.reinvite(caller.get(), RequestIds.path("user", id), lifetime());
    return Response.ok(view(member)).header("Invitation-Sent", Boolean.toString(sendInvitation(member, uri)))
        .build();
  }

  private Duration lifetime() {
    return DurationSetting.parse("INVITATION_LINK_LIFETIME", invitationLifetime);
  }

  /** After the commit: a rolled-back invitation sends nothing. */
  private boolean sendInvitation(StaffMember member, UriInfo uri) {
    String url = uri.getBaseUriBuilder().path("invitations")
        .path(invitationTokens.sign(member.getId(), member.getInvitationNonce())).build().toString();
    return invitationMail.send(member, url);
  }

  /** Disables the account; its sessions end at once. */
  @POST
  @Path("/{id}/disable")
  @Requires(Capability.DISABLE_STAFF)
  public UserView disable(@PathParam("id") String id) {
    return view(staff.disable(caller.get(), RequestIds.path("user", id)));
  }

  @GET
  @Path("/{id}/memberships")
  public List<MembershipView> memberships(@PathParam("id") String id) {
    StaffMember member = staff.get(caller.get(), RequestIds.path("user", id));
    return staff.membershipsOf(member.getId()).stream().map(MembershipView::of).toList();
  }

  /** Gives the user a role in a shop, replacing the role they held there. */
  @POST
  @Path("/{id}/memberships")
  @Consumes(MediaType.APPLICATION_JSON)
  public MembershipView assign(@PathParam("id") String id, @Valid @NotNull MembershipRequest request) {
    return MembershipView.of(staff.assign(caller.get(), RequestIds.path("user", id), request.shopId(), request.role()));
  }

  @DELETE
  @Path("/{id}/memberships/{shopId}")
  public Response remove(@PathParam("id") String id, @PathParam("shopId") String shopId) {
    staff.removeMembership(caller.get(), RequestIds.path("user", id), RequestIds.path("shop", shopId));
    return Response.noContent().build();
  }
}
