package dev.mechanics.workorder;

import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
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

/** The lines of a work order's estimate; each answer is the whole work order with its new version. */
@Path("/work-orders/{id}/lines")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Capability.EDIT_WORK)
public class EstimateLineResource {

  @Inject
  EstimateLineService lines;

  @Inject
  WorkOrderService workOrders;

  @Inject
  CurrentCaller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addLine(@PathParam("id") String id, @Valid @NotNull LineRequest request, @Context UriInfo uri) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    WorkOrderLine line = lines.addLine(workOrderId, request.details());
    WorkOrder workOrder = workOrders.get(workOrderId);
    return WorkOrderViews.created(uri.getAbsolutePathBuilder().path(line.getId().toString()).build(), workOrder,
        workOrders.totalsOf(workOrder), caller.get());
  }

  @PUT
  @Path("/{lineId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LineRequest request) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    long version = Versions.required(ifMatch);
    lines.changeLine(workOrderId, RequestIds.path("line", lineId), version, request.details());
    return ok(workOrderId);
  }

  @DELETE
  @Path("/{lineId}")
  public Response removeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    lines.removeLine(workOrderId, RequestIds.path("line", lineId), Versions.optional(ifMatch));
    return ok(workOrderId);
  }

  private Response ok(Id<WorkOrder> id) {
    WorkOrder workOrder = workOrders.get(id);
    return WorkOrderViews.ok(workOrder, workOrders.totalsOf(workOrder), caller.get());
  }
}
