package dev.mechanics.comeback;

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

/** Comebacks (re-repairs inside the shop's warranty window) and a vehicle's history in one call. */
@Path("/")
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

  public record WindowRequest(@NotNull @Min(0) @Max(3650) Integer days, @NotNull @Min(0) @Max(1000000) Integer miles) {
  }

  public record WindowView(UUID shopId, int days, int miles) {
    static WindowView of(ComebackService.Window w) {
      return new WindowView(w.shopId(), w.days(), w.miles());
    }
  }

  /** A line of a visit: what was done or declined (no prices: the history is about the car). */
  public record HistoryLine(LineType type, String description, BigDecimal hours, BigDecimal quantity,
                            UUID technicianId) {
    static HistoryLine of(WorkOrderLine l) {
      return new HistoryLine(l.getType(), l.getDescription(), l.getHours(), l.getQuantity(), l.getTechnicianId());
    }
  }

  public record VisitView(UUID workOrderId, String number, UUID shopId, WorkOrderKind kind, String status,
                          Instant openedAt, Instant invoicedAt, Integer mileageIn, Integer mileageOut,
                          String complaint, String correction, List<HistoryLine> done, List<HistoryLine> declined,
                          ComebackView comeback) {
    static VisitView of(VehicleHistoryService.Visit v) {
      WorkOrder w = v.workOrder();
      return new VisitView(w.getId(), w.getNumber(), w.getShopId(), w.getKind(), w.getStatus(), w.getCreatedAt(),
          v.invoicedAt(), w.getMileageIn(), w.getMileageOut(), w.getComplaint(), w.getCorrection(),
          v.done().stream().map(HistoryLine::of).toList(), v.declined().stream().map(HistoryLine::of).toList(),
          ComebackView.of(v.comeback()));
    }
  }

  /** Newest visit first. */
  @Schema(name = "VehicleHistory")
  public record VehicleHistoryView(UUID vehicleId, List<VisitView> visits) {
  }

  @POST
  @Path("work-orders/{id}/comeback")
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
  @Path("work-orders/{id}/comeback")
  @Operation(operationId = "getComeback", summary = "Read a work order's comeback mark",
      description = "The mark (404 when the work order is not a comeback, or not visible to the caller).")
  @APIResponse(responseCode = "200", description = "The comeback mark.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComebackView.class)))
  public ComebackView comeback(@PathParam("id") String id) {
    return ComebackView.of(comebacks.of(caller.get(), RequestIds.path("work order", id, Id::new)));
  }

  @GET
  @Path("vehicles/{id}/history")
  @Operation(operationId = "getVehicleHistory", summary = "A vehicle's history",
      description = "Every visit of the vehicle, newest first: mileage in and out, the work done and the work "
          + "declined, when it was invoiced and whether it was a comeback. A technician sees the visits assigned "
          + "to them.")
  @APIResponse(responseCode = "200", description = "The history.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = VehicleHistoryView.class)))
  public VehicleHistoryView history(@PathParam("id") String id) {
    Id<Vehicle> vehicle = RequestIds.path("vehicle", id, Id::new);
    return new VehicleHistoryView(vehicle.value(), history.of(caller.get(), vehicle).stream().map(VisitView::of)
        .toList());
  }

  @GET
  @Path("shops/{shopId}/warranty-window")
  @Operation(operationId = "getWarrantyWindow", summary = "Read the shop's warranty window",
      description = "How long after a repair a re-repair is the shop's comeback: days since the invoice and miles "
          + "since the original's mileage (90 days and 4000 miles until the shop sets its own).")
  @APIResponse(responseCode = "200", description = "The window.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowView.class)))
  public Response window(@PathParam("shopId") String shopId) {
    ComebackService.Window window = comebacks.windowOf(RequestIds.path("shop", shopId, Id::new));
    return Response.ok(WindowView.of(window)).tag(Versions.etag(window.version())).build();
  }

  @PUT
  @Path("shops/{shopId}/warranty-window")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "changeWarrantyWindow", summary = "Change the shop's warranty window",
      description = "Sets days and miles (`If-Match`). Owners, and managers of this shop.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The window.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowView.class)))
  public Response changeWindow(@PathParam("shopId") String shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "six months", value = """
                                       {"days": 180, "miles": 6000}"""))) WindowRequest request) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    ComebackService.Window window = comebacks.changeWindow(caller.get(), shop, Versions.required(ifMatch),
        request.days(), request.miles());
    return Response.ok(WindowView.of(window)).tag(Versions.etag(window.version())).build();
  }
}
