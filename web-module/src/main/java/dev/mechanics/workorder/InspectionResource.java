package dev.mechanics.workorder;

import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.IdempotentRoutes;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A work order's inspection checklist, filled in by whoever works on the car (a technician: assigned work). */
@Path("/work-orders/{id}/inspection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
public class InspectionResource {

  @Inject
  AttachmentService attachments;

  @Inject
  WorkOrderService workOrders;

  @Inject
  CurrentCaller caller;

  @Inject
  IdempotentRoutes idempotent;

  public record InspectionPointRequest(@NotBlank @Size(max = 200) String name,
                                       InspectionItem.Condition condition, @Size(max = 2000) String notes) {
  }

  public record InspectionRequest(@NotNull @Size(max = 200) List<@Valid @NotNull InspectionPointRequest> items) {
  }

  /** The document's name for {@code {"items": [...]}} of inspection points. */
  @Schema(name = "Inspection")
  record Inspection(List<InspectionPointView> items) {
  }

  public record InspectionPointView(int position, String name, InspectionItem.Condition condition, String notes) {
    static InspectionPointView of(InspectionItem i) {
      return new InspectionPointView(i.getPosition(), i.getName(), i.getCondition(), i.getNotes());
    }
  }

  @GET
  @Operation(operationId = "getInspection", summary = "Read the inspection",
      description = "The work order's inspection checklist in order. A technician sees only work assigned to "
          + "them (else 404).")
  @APIResponse(responseCode = "200", description = "The checklist.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Inspection.class)))
  public Map<String, List<InspectionPointView>> inspection(@PathParam("id") String id) {
    return Map.of("items", attachments.inspection(visible(id)).stream().map(InspectionPointView::of).toList());
  }

  /** Replaces the checklist as a whole. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceInspection", summary = "Fill in the inspection",
      description = "Replaces the checklist as a whole (each point: a name, GREEN/YELLOW/RED, notes). A "
          + "technician works only on work assigned to them (else 404).")
  @APIResponse(responseCode = "200", description = "The checklist; the same answer again for a retry with the "
      + "same `Idempotency-Key`.", headers = @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Inspection.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response inspect(@PathParam("id") String id,
      @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(type = SchemaType.STRING, maxLength = 200))
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "checklist", value = """
              {"items": [{"name": "Front brake pads", "condition": "RED", "notes": "2 mm left"},
                         {"name": "Tires", "condition": "GREEN"}]}"""))) InspectionRequest request) {
    List<AttachmentService.InspectionPoint> points = request.items().stream()
        .map(p -> new AttachmentService.InspectionPoint(p.name().trim(), p.condition(), p.notes())).toList();
    Id<WorkOrder> workOrder = visible(id);
    return idempotent.once(idempotencyKey, "inspection|" + workOrder.value() + "|" + points, "inspection",
        () -> Response.ok(Map.of("items", attachments.replaceInspection(workOrder, points).stream()
            .map(InspectionPointView::of).toList())).build());
  }

  private Id<WorkOrder> visible(String id) {
    return workOrders.visible(caller.get(), WorkOrderResource.workOrderId(id));
  }
}
