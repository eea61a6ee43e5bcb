package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.mechanics.workorder.WorkOrder;

/**
 * Part lines taken from the catalogue: adding one reserves the part in the work order's shop. Changing its
 * quantity or removing it goes through the ordinary line routes (`PUT`/`DELETE /work-orders/{id}/lines/{lineId}`),
 * which reserve or release accordingly; invoicing consumes.
 */
@ApplicationScoped
@Path("/work-orders/{id}/part-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
public class PartLineResource {

  @Inject
  PartLineService partLines;

  @Inject
  dev.mechanics.workorder.WorkOrderService workOrders;

  @Inject
  CurrentCaller caller;

  public record PartLineRequest(@NotBlank String partId, @NotNull String quantity,
                                @Size(max = 500) String description) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "addPartLine", summary = "Add a part line from the catalogue",
      description = "Adds a PART line priced from the catalogue (its own price or the pricing matrix's; its cost: "
          + "the shop's average cost) and reserves the quantity in the work order's shop; a core charge adds a FEE "
          + "line. 409 when not enough is available and the shop allows no backorders (nothing is added), or once "
          + "the work order is invoiced; 422 for a part of no catalogue of the organization or a quantity that is "
          + "not positive.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "What the new line holds; `ETag` is the work order's.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.ReservationView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response add(@PathParam("id") String id,
                      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                          examples = @ExampleObject(name = "two sets", value = """
                              {"partId": "0193f1c2-0000-7000-8000-000000000010", "quantity": "2"}""")))
                      PartLineRequest request, @Context UriInfo uri) {
    Id<WorkOrder> workOrderId = RequestIds.path("work order", id, Id::new);
    UUID partId = RequestIds.field("partId", request.partId());
    BigDecimal quantity = Quantities.positive(request.quantity(), "quantity");
    PartLineService.PartLine line = partLines.add(workOrderId, partId, quantity, request.description());
    long version = workOrders.get(workOrderId).getVersion();
    return Response.created(uri.getBaseUriBuilder().path("work-orders").path(workOrderId.toString()).path("lines")
            .path(line.line().getId().toString()).build())
        .entity(PartViews.ReservationView.of(line.reservation())).tag(Versions.etag(version)).build();
  }

  @GET
  @Operation(operationId = "listPartLines", summary = "What the work order's catalogue part lines hold",
      description = "Per catalogue part line: reserved, on order (`backordered`) and consumed.")
  @APIResponse(responseCode = "200", description = "The part lines.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.ReservationList.class)))
  public PartViews.ReservationList list(@PathParam("id") String id) {
    Id<WorkOrder> workOrderId = RequestIds.path("work order", id, Id::new);
    return new PartViews.ReservationList(partLines.of(caller.get(), workOrderId).stream()
        .map(PartViews.ReservationView::of).toList());
  }
}
