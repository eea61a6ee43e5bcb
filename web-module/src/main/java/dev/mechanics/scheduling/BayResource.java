package dev.mechanics.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shop's bays (lifts, alignment racks): what appointments book. */
@ApplicationScoped
@Path("/shops/{shopId}/bays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class BayResource {

  @Inject
  BayService floor;

  @Inject
  CurrentCaller caller;

  public record BayRequest(@NotBlank @Size(max = 60) String name, @NotNull Bay.Kind kind) {
  }

  public record BayView(UUID id, UUID shopId, String name, Bay.Kind kind, long version) {
    static BayView of(Bay bay) {
      return new BayView(bay.getId(), bay.getShopId(), bay.getName(), bay.getKind(), bay.getVersion());
    }
  }

  /** The document's name for {@code {"items": [...]}} of bays. */
  @Schema(name = "BayList")
  record BayList(List<BayView> items) {
  }

  @GET
  @Operation(operationId = "listBays", summary = "List the shop's bays",
      description = "The shop's bays (lifts, alignment racks), by name.")
  @APIResponse(responseCode = "200", description = "The bays.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BayList.class)))
  public Map<String, List<BayView>> bays(@PathParam("shopId") String shopId) {
    return Map.of("items", floor.bays(shop(shopId)).stream().map(BayView::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "addBay", summary = "Add a bay",
      description = "Adds a bay to the shop. Owners, and managers of this shop (a manager of another shop: 403). "
          + "422 when the shop already has a bay of that name.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "201", description = "The bay.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BayView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response addBay(@PathParam("shopId") String shopId,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "lift", value = """
                                 {"name": "Lift 1", "kind": "LIFT"}"""))) BayRequest request) {
    Bay bay = floor.addBay(caller.get(), shop(shopId), request.name().trim(), request.kind());
    return Response.status(Response.Status.CREATED).entity(BayView.of(bay)).build();
  }

  private static Id<Shop> shop(String shopId) {
    return RequestIds.path("shop", shopId, Id::new);
  }
}
