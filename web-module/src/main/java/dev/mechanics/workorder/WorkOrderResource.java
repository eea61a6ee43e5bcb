package dev.mechanics.workorder;

import dev.mechanics.billing.InvoiceService;
import dev.mechanics.billing.Invoice;
import dev.mechanics.billing.InvoiceResource;
import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job from estimate to invoice: create it, read it, describe it, start the repair, move it on the board,
 * send the approval link, invoice it. Lines, approvals, inspection and attachments have their own resources
 * under {@code /work-orders/{id}/...}.
 */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

  @Inject
  WorkOrderService workOrders;

  @Inject
  BoardService board;

  @Inject
  EstimateLineService lines;

  @Inject
  CurrentCaller caller;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  InvoiceService invoices;

  @Inject
  ApprovalService approvals;

  @Inject
  ApprovalTokens approvalTokens;

  @Inject
  ApprovalMail approvalMail;

  @Inject
  @ConfigProperty(name = "APPROVAL_LINK_LIFETIME", defaultValue = "72h")
  String approvalLinkLifetime;

  public record ApprovalLinkRequest(@Email @Size(max = 320) String email) {
  }

  public record ApprovalLinkView(String url, Instant expiresAt, boolean emailSent) {
  }

  public record CreateRequest(@NotBlank String shopId, @NotBlank String customerId, @NotBlank String vehicleId,
                              @Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt) {
  }

  public record ChangeRequest(@Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 4000) String cause, @Size(max = 4000) String correction,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt) {
  }

  public record StatusRequest(@NotBlank @Size(max = 40) String status) {
  }

  public record StatusChangeView(String from, String to, UUID changedBy, Instant changedAt) {
  }

  public record StatusHistoryView(String status, List<StatusChangeView> items, Map<String, Long> secondsInStatus) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response create(@Valid @NotNull CreateRequest request, @Context UriInfo uri) {
    WorkOrder created = workOrders.create(new WorkOrderService.NewWorkOrder(
        RequestIds.field("shopId", request.shopId(), Id::new),
        RequestIds.field("customerId", request.customerId(), Id::new),
        RequestIds.field("vehicleId", request.vehicleId(), Id::new),
        request.mileageIn(), request.complaint(), technicians(request.technicianIds()), request.promisedAt()),
        caller.get().userId());
    metrics.workOrderCreated(created.getShopId());
    return WorkOrderViews.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build(), created,
        workOrders.totalsOf(created), caller.get());
  }

  @GET
  public Listing<WorkOrderViews.BoardCard> board(@QueryParam("shopId") String shopId,
                                                 @QueryParam("kind") String kind,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("after") String after) {
    if (shopId == null || shopId.isBlank()) {
      throw new DomainException.Malformed("shopId", "shopId is required: the board is per shop");
    }
    Id<Shop> shop = RequestIds.field("shopId", shopId, Id::new);
    WorkOrderKind wanted = null;
    if (kind != null && !kind.isBlank()) {
      try {
        wanted = WorkOrderKind.valueOf(kind.trim());
      } catch (IllegalArgumentException e) {
        throw new DomainException.Malformed("kind", "kind must be ESTIMATE, REPAIR_ORDER or INVOICED");
      }
    }
    return Listing.of(board.cards(caller.get(), shop, wanted, Listing.request(limit, after)),
        WorkOrderViews.BoardCard::of);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return ok(workOrders.get(caller.get(), workOrderId(id)));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull ChangeRequest request) {
    Id<WorkOrder> workOrderId = workOrderId(id);
    return ok(workOrders.change(workOrderId, Versions.required(ifMatch), new WorkOrderService.Description(
        request.mileageIn(), request.complaint(), request.cause(), request.correction(),
        technicians(request.technicianIds()), request.promisedAt())));
  }

  /** Inserts every line of one of the shop's canned jobs. */
  @POST
  @Path("/{id}/canned-jobs/{cannedJobId}")
  @Requires(Capability.EDIT_WORK)
  public Response applyCannedJob(@PathParam("id") String id, @PathParam("cannedJobId") String cannedJobId) {
    Id<WorkOrder> workOrderId = workOrderId(id);
    lines.applyCannedJob(workOrderId, RequestIds.path("canned job", cannedJobId));
    return ok(workOrders.get(workOrderId));
  }

  @POST
  @Path("/{id}/repair-order")
  @Requires(Capability.EDIT_WORK)
  public Response startRepair(@PathParam("id") String id) {
    return ok(workOrders.startRepair(workOrderId(id)));
  }

  @POST
  @Path("/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response moveTo(@PathParam("id") String id, @Valid @NotNull StatusRequest request) {
    return ok(board.moveTo(visible(id), request.status().trim(), caller.get().userId()));
  }

  /** A signed, expiring link for the customer, e-mailed when an address is given (logged without SMTP). */
  @POST
  @Path("/{id}/approval-link")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response approvalLink(@PathParam("id") String id, @Valid ApprovalLinkRequest request, @Context UriInfo uri) {
    String email = request == null || request.email() == null || request.email().isBlank() ? null
        : request.email().trim();
    ApprovalLink link = approvals.createLink(workOrderId(id), email,
        DurationSetting.parse("APPROVAL_LINK_LIFETIME", approvalLinkLifetime), caller.get().userId());
    String url = uri.getBaseUriBuilder().path("approvals").path(approvalTokens.sign(link.getId())).build()
        .toString();
    boolean sent = email != null && approvalMail.send(email,
        workOrders.get(new Id<>(link.getWorkOrderId())).getNumber(), url, link.getExpiresAt());
    return Response.status(Response.Status.CREATED).entity(new ApprovalLinkView(url, link.getExpiresAt(), sent))
        .build();
  }

  /** Issues the invoice (gapless number per shop and year); owners and the shop's managers bill. */
  @POST
  @Path("/{id}/invoice")
  @Requires(Capability.MANAGE_MONEY)
  public Response invoice(@PathParam("id") String id, @Context UriInfo uri) {
    Invoice invoice = invoices.issue(caller.get(), workOrderId(id));
    return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoice.getId().toString()).build())
        .entity(InvoiceResource.InvoiceView.of(invoice)).tag(Versions.etag(invoice.getVersion())).build();
  }

  @GET
  @Path("/{id}/status-history")
  public StatusHistoryView history(@PathParam("id") String id) {
    List<StatusChange> history = board.history(visible(id));
    Map<String, Long> seconds = new LinkedHashMap<>();
    StatusChange.timeInStatus(history, Instant.now()).forEach((k, v) -> seconds.put(k, v.toSeconds()));
    String current = history.isEmpty() ? null : history.get(history.size() - 1).getToStatus();
    return new StatusHistoryView(current, history.stream().map(c -> new StatusChangeView(c.getFromStatus(),
        c.getToStatus(), c.getChangedBy(), c.getChangedAt())).toList(), seconds);
  }

  @GET
  @Path("/{id}/recommendations")
  public Map<String, List<WorkOrderViews.LineView>> recommendations(@PathParam("id") String id) {
    boolean costs = WorkOrderViews.seesCosts(caller.get());
    return Map.of("items", workOrders.recommendations(visible(id)).stream()
        .map(l -> WorkOrderViews.LineView.of(l, costs)).toList());
  }

  static Id<WorkOrder> workOrderId(String id) {
    return RequestIds.path("work order", id, Id::new);
  }

  /** The id of a work order the caller may see (a technician: one assigned to them), else 404. */
  private Id<WorkOrder> visible(String id) {
    return workOrders.visible(caller.get(), workOrderId(id));
  }

  private Response ok(WorkOrder workOrder) {
    return WorkOrderViews.ok(workOrder, workOrders.totalsOf(workOrder), caller.get());
  }

  private static List<UUID> technicians(List<String> ids) {
    return ids == null ? List.of() : ids.stream().map(t -> RequestIds.field("technicianIds", t)).distinct().toList();
  }
}
