package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.comeback.ComebackService;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.IdempotentRoutes;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The lines of a work order's estimate; each answer is the whole work order with its new version. */
@ApplicationScoped
@Path("/work-orders/{id}/lines")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Capability.EDIT_WORK)
@Tag(name = "Work orders")
public class EstimateLineResource {

  private static final String EXAMPLE = """
      {"type": "LABOR", "description": "Replace front brake pads and rotors", "hours": 1.5, "rate": "120.00",
       "technicianId": "0193f1c2-0000-7000-8000-000000000004", "taxable": true}""";

  @Inject
  EstimateLineService lines;

  @Inject
  WorkOrderService workOrders;

  @Inject
  ComebackService comebacks;

  @Inject
  CurrentCaller caller;

  @Inject
  IdempotentRoutes idempotent;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "addLine", summary = "Add a line",
      description = "Adds a labor, part, fee or discount line to the work order (audited). Labor needs `hours`, "
          + "the others `unitPrice`; money is a decimal string. 409 once the work order is invoiced; 422 for a "
          + "line that breaks these rules or an unknown technician. With an `Idempotency-Key`, a retry after a lost "
          + "answer adds the line once.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The whole work order with the new line; `Location` is the "
      + "line's. The same answer again for a retry with the same `Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response addLine(@PathParam("id") String id,
                          @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                              maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "labor", value = EXAMPLE))) LineRequest request,
                          @Context UriInfo uri) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    return idempotent.once(idempotencyKey, "line|" + workOrderId.value() + "|" + request, "line", () -> {
      WorkOrderLine line = lines.addLine(workOrderId, request.details());
      WorkOrder workOrder = workOrders.get(workOrderId);
      return WorkOrderViews.created(uri.getAbsolutePathBuilder().path(line.getId().toString()).build(), workOrder,
          workOrders.totalsOf(workOrder), caller.get());
    });
  }

  @PUT
  @Path("/{lineId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "changeLine", summary = "Change a line",
      description = "Replaces a line of the work order (audited); `If-Match` is the work order's `ETag`. A "
          + "changed line needs the customer's approval again. 409 once the work order is invoiced; 422 as for "
          + "adding a line. With an `Idempotency-Key`, a retry after a lost answer gets that answer back instead "
          + "of a 412.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The whole work order with the changed line; the same answer "
      + "again for a retry with the same `Idempotency-Key`.", headers = {@Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                                 type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                 maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                             @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                 examples = @ExampleObject(name = "labor", value = EXAMPLE))) LineRequest request) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    long version = Versions.required(ifMatch);
    return idempotent.once(idempotencyKey, "line-change|" + workOrderId.value() + "|" + lineId + "|" + version + "|"
        + request, "line change", () -> {
          lines.changeLine(workOrderId, RequestIds.path("line", lineId), version, request.details());
          return ok(workOrderId);
        });
  }

  @DELETE
  @Path("/{lineId}")
  @Operation(operationId = "removeLine", summary = "Remove a line",
      description = "Removes a line of the work order (audited); with `If-Match` (the work order's `ETag`) only "
          + "from that version. 409 once the work order is invoiced.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The whole work order without the line.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response removeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    lines.removeLine(workOrderId, RequestIds.path("line", lineId), Versions.optional(ifMatch));
    return ok(workOrderId);
  }

  /** {@code warranty}: true books the line as warranty work of the comeback, false charges it again. */
  public record WarrantyRequest(@NotNull Boolean warranty) {
  }

  @PUT
  @Path("/{lineId}/warranty")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "bookWarrantyLine", summary = "Book a comeback's line as warranty",
      description = "A line of a work order marked as a comeback becomes warranty work: the customer is charged "
          + "nothing (`amount` 0.00) and the line keeps its cost; `false` charges it again at its price (audited). "
          + "`If-Match` is the work order's `ETag`. 409 when the work order is not a comeback or is invoiced; 422 "
          + "for a discount line.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The whole work order with the line.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response bookWarranty(@PathParam("id") String id, @PathParam("lineId") String lineId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "warranty", value = "{\"warranty\": true}")))
                               WarrantyRequest request) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    UUID line = RequestIds.path("line", lineId);
    long version = Versions.required(ifMatch);
    comebacks.bookWarranty(caller.get(), workOrderId, line, version, request.warranty());
    return ok(workOrderId);
  }

  private Response ok(Id<WorkOrder> id) {
    WorkOrder workOrder = workOrders.get(id);
    return WorkOrderViews.ok(workOrder, workOrders.totalsOf(workOrder), caller.get());
  }
}
