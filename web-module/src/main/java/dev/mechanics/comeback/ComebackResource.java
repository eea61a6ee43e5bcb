package dev.mechanics.comeback;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderKind;
import dev.mechanics.workorder.WorkOrderLine;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

/** Comebacks: a work order marked as a re-repair of an earlier one inside the shop's warranty window. */
@ApplicationScoped
@Path("/work-orders/{id}/comeback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
public class ComebackResource {

  @Inject
  ComebackService comebacks;

  @Inject
  VehicleHistoryService history;

  @Inject
  CurrentCaller caller;

  public record ComebackRequest(@NotNull String originalWorkOrderId, @NotBlank @Size(max = 1000) String reason,
                                String originalTechnicianId) {
  }

  public record ComebackView(UUID workOrderId, UUID originalWorkOrderId, UUID originalTechnicianId, String reason,
                             UUID markedBy, Instant markedAt) {
    static ComebackView of(Comeback c) {
      return c == null ? null : new ComebackView(c.getWorkOrderId(), c.getOriginalWorkOrderId(),
          c.getOriginalTechnicianId(), c.getReason(), c.getMarkedBy(), c.getCreatedAt());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "markComeback", summary = "Mark a work order as a comeback",
      description = "Marks the work order as a re-repair of an earlier, invoiced work order of the same vehicle, "
          + "with the reason and the original technician (by default the original's first). Audited. 409 when it "
          + "is already marked; 422 when the original is of another vehicle, not invoiced, not earlier, or outside "
          + "the shop's warranty window (days since its invoice, miles since its mileage).",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The comeback mark.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComebackView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response mark(@PathParam("id") String id,
                       @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                           examples = @ExampleObject(name = "same noise", value = """
                               {"originalWorkOrderId": "0193f1c2-0000-7000-8000-000000000007",
                                "reason": "Same grinding noise two weeks after the pads were replaced"}""")))
                       ComebackRequest request) {
    Comeback marked = comebacks.mark(caller.get(), RequestIds.path("work order", id, Id::new),
        new ComebackService.Mark(RequestIds.field("originalWorkOrderId", request.originalWorkOrderId(), Id::new),
            request.reason().trim(), request.originalTechnicianId() == null || request.originalTechnicianId().isBlank()
            ? null : RequestIds.field("originalTechnicianId", request.originalTechnicianId())));
    return Response.status(Response.Status.CREATED).entity(ComebackView.of(marked)).build();
  }

  @GET
  @Operation(operationId = "getComeback", summary = "Read a work order's comeback mark",
      description = "The mark (404 when the work order is not a comeback, or not visible to the caller).")
  @APIResponse(responseCode = "200", description = "The comeback mark.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComebackView.class)))
  public Response comeback(@PathParam("id") String id) {
    return Response.ok(ComebackView.of(comebacks.of(caller.get(), RequestIds.path("work order", id, Id::new))))
        .build();
  }
}
