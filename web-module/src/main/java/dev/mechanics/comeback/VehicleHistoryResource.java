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

/** A vehicle's history in one call: every visit, its mileage, the work done and declined. */
@ApplicationScoped
@Path("/vehicles/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles")
public class VehicleHistoryResource {

  @Inject
  ComebackService comebacks;

  @Inject
  VehicleHistoryService history;

  @Inject
  CurrentCaller caller;

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
                          ComebackResource.ComebackView comeback) {
    static VisitView of(VehicleHistoryService.Visit v) {
      WorkOrder w = v.workOrder();
      return new VisitView(w.getId(), w.getNumber(), w.getShopId(), w.getKind(), w.getStatus(), w.getCreatedAt(),
          v.invoicedAt(), w.getMileageIn(), w.getMileageOut(), w.getComplaint(), w.getCorrection(),
          v.done().stream().map(HistoryLine::of).toList(), v.declined().stream().map(HistoryLine::of).toList(),
          ComebackResource.ComebackView.of(v.comeback()));
    }
  }

  /** Newest visit first. */
  @Schema(name = "VehicleHistory")
  public record VehicleHistoryView(UUID vehicleId, List<VisitView> visits) {
  }

  @GET
  @Operation(operationId = "getVehicleHistory", summary = "A vehicle's history",
      description = "Every visit of the vehicle, newest first: mileage in and out, the work done and the work "
          + "declined, when it was invoiced and whether it was a comeback. A technician sees the visits assigned "
          + "to them.")
  @APIResponse(responseCode = "200", description = "The history.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = VehicleHistoryView.class)))
  public Response history(@PathParam("id") String id) {
    Id<Vehicle> vehicle = RequestIds.path("vehicle", id, Id::new);
    return Response.ok(new VehicleHistoryView(vehicle.value(), history.of(caller.get(), vehicle).stream()
        .map(VisitView::of).toList())).build();
  }
}
