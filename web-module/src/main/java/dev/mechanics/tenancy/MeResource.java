package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller: who they are, their organization and their role in each shop. */
@ApplicationScoped
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class MeResource {

  @Inject
  AuthenticationService authentication;

  @Inject
  Organizations organizations;

  @Inject
  CurrentCaller caller;

  @Schema(name = "OwnMembership")
  public record MembershipView(UUID shopId, String role) {
  }

  public record OrganizationView(UUID id, String name, String currency, String timeZone) {
  }

  /** {@code platformOperator}: holds PLATFORM_OPERATOR (no shop role): the app shows them every run and backup. */
  public record MeView(UUID id, String email, String name, OrganizationView organization,
                       List<MembershipView> memberships, boolean platformOperator) {
  }

  @GET
  @Operation(operationId = "getCurrentUser", summary = "Who am I",
      description = "The caller: their id, e-mail and name, their organization, their role in each shop, and "
          + "whether they operate the platform (PLATFORM_ADMIN_EMAILS).")
  public MeView me() {
    SignedInStaff me = authentication.describe(caller.get());
    Organization org = organizations.find(me.organizationId()).orElseThrow();
    return new MeView(me.userId(), me.email(), me.name(),
        new OrganizationView(org.getId(), org.getName(), org.getCurrency(), org.getTimeZone()),
        me.memberships().stream().map(m -> new MembershipView(m.getShopId(), m.getRole().name())).toList(),
        caller.get().roles().contains(Role.PLATFORM_OPERATOR));
  }
}
