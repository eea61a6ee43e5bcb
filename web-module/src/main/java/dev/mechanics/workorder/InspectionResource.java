package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * A work order's inspection checklist, filled in by whoever works on the car (a technician: assigned work). Its
 * ETag is a digest of the checklist ({@link AttachmentService#versionOf}); a replacement that sends it as
 * {@code If-Match} applies only to that checklist (412 otherwise), so a change the bay's app kept while offline
 * never overwrites one made meanwhile. Without {@code If-Match} the checklist is replaced whatever it is.
 */
@ApplicationScoped
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
  @APIResponse(responseCode = "200", description = "The checklist.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Inspection.class)))
  public Response inspection(@PathParam("id") String id) {
    return checklist(attachments.inspection(visible(id)));
  }

  /** Replaces the checklist as a whole. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceInspection", summary = "Fill in the inspection",
      description = "Replaces the checklist as a whole (each point: a name, GREEN/YELLOW/RED, notes). A "
          + "technician works only on work assigned to them (else 404). With `If-Match` (the `ETag` of a "
          + "previous read) only that checklist is replaced: 412 when it changed since; without it, whatever it is.")
  @APIResponse(responseCode = "200", description = "The checklist; the same answer again for a retry with the "
      + "same `Idempotency-Key`.", headers = {@Header(name = "ETag", ref = "ETag"),
      @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Inspection.class)))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response inspect(@PathParam("id") String id,
      @Parameter(description = "The checklist's `ETag` this replacement was made on (optional).")
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(type = SchemaType.STRING, maxLength = 200))
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "checklist", value = """
              {"items": [{"name": "Front brake pads", "condition": "RED", "notes": "2 mm left"},
                         {"name": "Tires", "condition": "GREEN"}]}"""))) InspectionRequest request) {
    List<AttachmentService.InspectionPoint> points = request.items().stream()
        .map(p -> new AttachmentService.InspectionPoint(p.name().trim(), p.condition(), p.notes())).toList();
    Id<WorkOrder> workOrder = visible(id);
    String expected = expected(ifMatch);
    // a retry of an applied change answers as the first time (its If-Match names the checklist before it)
    return idempotent.once(idempotencyKey, "inspection|" + workOrder.value() + "|" + expected + "|" + points,
        "inspection", () -> checklist(attachments.replaceInspection(workOrder, expected, points)));
  }

  private static final Pattern TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7e]*)\"");

  private static Response checklist(List<InspectionItem> items) {
    return Response.ok(Map.of("items", items.stream().map(InspectionPointView::of).toList()))
        .tag(new EntityTag(AttachmentService.versionOf(items))).build();
  }

  /** The checklist version {@code If-Match} names; null when absent or {@code *} (whatever it is now). */
  static String expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher tag = TAG.matcher(ifMatch.strip());
    if (!tag.matches()) {
      throw new DomainException.Malformed("If-Match", "If-Match must be one ETag of a previous read of the "
          + "inspection, or *");
    }
    return tag.group(1);
  }

  private Id<WorkOrder> visible(String id) {
    return workOrders.visible(caller.get(), WorkOrderResource.workOrderId(id));
  }
}
