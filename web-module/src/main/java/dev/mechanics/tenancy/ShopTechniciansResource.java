package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The technicians of a shop: whom the desk assigns work to, and the board's technician filter. */
@ApplicationScoped
@Path("/shops/{shopId}/technicians")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class ShopTechniciansResource {

  @Inject
  StaffService staff;

  @Inject
  CurrentCaller caller;

  public record TechnicianView(UUID id, String name) {
  }

  @Schema(name = "TechnicianList")
  public record TechnicianList(List<TechnicianView> items) {
  }

  @GET
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "listShopTechnicians", summary = "The shop's technicians",
      description = "The shop's active technicians (enabled accounts with the TECHNICIAN role in this shop), by "
          + "name: the ids to put in a work order's `technicianIds` or a line's `technicianId`. Owners, and "
          + "managers and service advisors of this shop (of another shop: 403).",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The technicians.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = TechnicianList.class)))
  public TechnicianList list(@PathParam("shopId") String shopId) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    return new TechnicianList(staff.techniciansOf(caller.get(), shop.value()).stream()
        .map(t -> new TechnicianView(t.getId(), t.getName())).toList());
  }
}
