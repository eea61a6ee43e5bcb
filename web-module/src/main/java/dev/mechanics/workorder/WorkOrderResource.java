package dev.mechanics.workorder;

import dev.mechanics.billing.BillingService;
import dev.mechanics.billing.Invoice;
import dev.mechanics.billing.InvoiceResource;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.PathIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.workorder.ApprovalResource.Decision;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The job from estimate to invoice: create, lines, board status and its history. */
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

  /** Money on the wire: a decimal string with at most two places. */
  static final String MONEY = "-?\\d{1,12}(\\.\\d{1,2})?";
  static final String MONEY_MESSAGE = "must be an amount such as \"12.50\" (at most two decimal places)";

  @Inject
  WorkOrderService workOrders;

  @Inject
  CurrentCaller caller;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  BillingService billing;

  @Inject
  ApprovalService approvals;

  @Inject
  AttachmentService attachments;

  @Inject
  ApprovalTokens approvalTokens;

  @Inject
  dev.mechanics.platform.web.ClientAddress clientAddress;

  @Inject
  dev.mechanics.platform.mail.Mailer mailer;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "APPROVAL_LINK_LIFETIME", defaultValue = "72h")
  String approvalLinkLifetime;

  public record ApprovalLinkRequest(@jakarta.validation.constraints.Email @Size(max = 320) String email) {
  }

  public record ApprovalLinkView(String url, Instant expiresAt, boolean emailSent) {
  }

  public record CustomerAnswerRequest(@NotBlank @Size(max = 200) String approverName,
                                      @NotNull ApprovalMethod method,
                                      @NotBlank @Size(max = 64) String documentHash,
                                      @NotNull @Size(min = 1, max = 200)
                                      List<@Valid @NotNull Decision> decisions) {
  }

  public record DecisionView(UUID lineId, LineApproval decision, String approverName, ApprovalMethod method,
                             String clientAddress, String documentHash, Instant decidedAt, UUID recordedBy) {
  }

  public record ApprovalsView(String documentHash, List<DecisionView> items) {
  }

  public record CreateRequest(@NotBlank String shopId, @NotBlank String customerId, @NotBlank String vehicleId,
                              @Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt) {
  }

  public record ChangeRequest(@Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 4000) String cause, @Size(max = 4000) String correction,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt) {
  }

  public record LineRequest(
      @NotNull LineType type,
      @NotBlank @Size(max = 500) String description,
      @DecimalMin(value = "0", message = "must not be negative") @DecimalMax("9999.99")
      @Digits(integer = 4, fraction = 2) BigDecimal hours,
      @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String rate,
      String technicianId,
      @Size(max = 60) String partNumber,
      @DecimalMin(value = "0", inclusive = false, message = "must be more than zero") @DecimalMax("9999999")
      @Digits(integer = 7, fraction = 3) BigDecimal quantity,
      @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String unitCost,
      @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String unitPrice,
      Boolean taxable) {

    public LineDetails details() {
      Money rateMoney = rate == null ? null : nonNegative(Money.parse(rate, "rate"), "rate");
      Money cost = unitCost == null ? null : nonNegative(Money.parse(unitCost, "unitCost"), "unitCost");
      Money price = unitPrice == null ? null : nonNegative(Money.parse(unitPrice, "unitPrice"), "unitPrice");
      UUID technician = technicianId == null || technicianId.isBlank() ? null
          : Ids.parse(technicianId.trim()).orElseThrow(() -> new DomainException.Malformed("technicianId",
              "technicianId must be a user id"));
      return new LineDetails(type, description.trim(), hours, rateMoney, technician,
          partNumber == null || partNumber.isBlank() ? null : partNumber.trim(), quantity, cost, price,
          taxable == null || taxable);
    }

    private static Money nonNegative(Money m, String field) {
      if (m.isNegative()) {
        throw new DomainException.Malformed(field, field + " must not be negative (a discount is a DISCOUNT line)");
      }
      return m;
    }
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
    WorkOrder created = workOrders.create(new WorkOrderService.NewWorkOrder(bodyId("shopId", request.shopId()),
        bodyId("customerId", request.customerId()), bodyId("vehicleId", request.vehicleId()),
        request.mileageIn(), request.complaint(), ids(request.technicianIds()), request.promisedAt()),
        caller.get().userId());
    metrics.workOrderCreated(created.getShopId());
    return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
        .entity(view(created)).tag(Versions.etag(created.getVersion())).build();
  }

  @GET
  public Listing<WorkOrderViews.BoardCard> board(@QueryParam("shopId") String shopId,
                                                 @QueryParam("kind") String kind,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("after") String after) {
    if (shopId == null || shopId.isBlank()) {
      throw new DomainException.Malformed("shopId", "shopId is required: the board is per shop");
    }
    UUID shop = Ids.parse(shopId.trim()).orElseThrow(() -> new DomainException.Malformed("shopId", "shopId must be a shop id"));
    WorkOrderKind wanted = null;
    if (kind != null && !kind.isBlank()) {
      try {
        wanted = WorkOrderKind.valueOf(kind.trim());
      } catch (IllegalArgumentException e) {
        throw new DomainException.Malformed("kind", "kind must be ESTIMATE, REPAIR_ORDER or INVOICED");
      }
    }
    return Listing.of(workOrders.board(caller.get(), shop, wanted, Listing.request(limit, after)),
        WorkOrderViews.BoardCard::of);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    WorkOrder workOrder = workOrders.get(caller.get(), PathIds.of("work order", id));
    return Response.ok(view(workOrder)).tag(Versions.etag(workOrder.getVersion())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull ChangeRequest request) {
    UUID workOrderId = PathIds.of("work order", id);
    WorkOrder workOrder = workOrders.change(workOrderId, Versions.required(ifMatch), request.mileageIn(),
        request.complaint(), request.cause(), request.correction(), ids(request.technicianIds()),
        request.promisedAt());
    return ok(workOrder);
  }

  @POST
  @Path("/{id}/lines")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response addLine(@PathParam("id") String id, @Valid @NotNull LineRequest request, @Context UriInfo uri) {
    UUID workOrderId = PathIds.of("work order", id);
    WorkOrderLine line = workOrders.addLine(workOrderId, request.details());
    WorkOrder workOrder = workOrders.get(workOrderId);
    return Response.created(uri.getAbsolutePathBuilder().path(line.getId().toString()).build())
        .entity(view(workOrder)).tag(Versions.etag(workOrder.getVersion())).build();
  }

  @PUT
  @Path("/{id}/lines/{lineId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LineRequest request) {
    UUID workOrderId = PathIds.of("work order", id);
    long version = Versions.required(ifMatch);
    workOrders.changeLine(workOrderId, PathIds.of("line", lineId), version, request.details());
    return ok(workOrders.get(workOrderId));
  }

  @DELETE
  @Path("/{id}/lines/{lineId}")
  @Requires(Capability.EDIT_WORK)
  public Response removeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    UUID workOrderId = PathIds.of("work order", id);
    workOrders.removeLine(workOrderId, PathIds.of("line", lineId), Versions.optional(ifMatch));
    return ok(workOrders.get(workOrderId));
  }

  /** Inserts every line of one of the shop's canned jobs. */
  @POST
  @Path("/{id}/canned-jobs/{cannedJobId}")
  @Requires(Capability.EDIT_WORK)
  public Response applyCannedJob(@PathParam("id") String id, @PathParam("cannedJobId") String cannedJobId) {
    UUID workOrderId = PathIds.of("work order", id);
    workOrders.applyCannedJob(workOrderId, bodyId("cannedJobId", cannedJobId));
    return ok(workOrders.get(workOrderId));
  }

  @POST
  @Path("/{id}/repair-order")
  @Requires(Capability.EDIT_WORK)
  public Response startRepair(@PathParam("id") String id) {
    return ok(workOrders.startRepair(PathIds.of("work order", id)));
  }

  @POST
  @Path("/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response moveTo(@PathParam("id") String id, @Valid @NotNull StatusRequest request) {
    return ok(workOrders.moveTo(visible(id), request.status().trim(), caller.get().userId()));
  }

  /** A signed, expiring link for the customer, e-mailed when an address is given (logged without SMTP). */
  @POST
  @Path("/{id}/approval-link")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response approvalLink(@PathParam("id") String id, @Valid ApprovalLinkRequest request, @Context UriInfo uri) {
    String email = request == null || request.email() == null || request.email().isBlank() ? null
        : request.email().trim();
    ApprovalLink link = approvals.createLink(PathIds.of("work order", id), email,
        dev.mechanics.platform.web.DurationSetting.parse("APPROVAL_LINK_LIFETIME", approvalLinkLifetime),
        caller.get().userId());
    String url = uri.getBaseUriBuilder().path("approvals").path(approvalTokens.sign(link.getId())).build()
        .toString();
    boolean sent = false;
    if (email != null) {
      WorkOrder workOrder = workOrders.get(link.getWorkOrderId());
      sent = mailer.send(email, "Your estimate " + workOrder.getNumber() + " is ready for approval",
          "Hello,\n\nplease review estimate " + workOrder.getNumber() + " and approve or decline each line:\n\n"
              + url + "\n\nThe link works once and expires at " + link.getExpiresAt() + ".\n");
    }
    return Response.status(Response.Status.CREATED).entity(new ApprovalLinkView(url, link.getExpiresAt(), sent))
        .build();
  }

  /** Staff record the customer's answer given on the phone or at the counter. */
  @POST
  @Path("/{id}/approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response recordAnswer(@PathParam("id") String id, @Valid @NotNull CustomerAnswerRequest request,
                               @Context jakarta.servlet.http.HttpServletRequest http) {
    UUID workOrderId = PathIds.of("work order", id);
    ApprovalService.Recorded recorded = approvals.decideForCustomer(workOrderId,
        ApprovalResource.decisions(request.decisions()), request.documentHash().trim(),
        new LineDecision.Approval(request.approverName().trim(), request.method(), clientAddress.of(http),
            caller.get().userId()));
    ApprovalResource.count(metrics, recorded);
    return ok(workOrders.get(workOrderId));
  }

  /** The evidence: every recorded answer, and the hash of what the work order shows now. */
  @GET
  @Path("/{id}/approvals")
  public ApprovalsView approvalRecords(@PathParam("id") String id) {
    UUID workOrderId = PathIds.of("work order", id);
    WorkOrder workOrder = workOrders.get(caller.get(), workOrderId);
    String hash = ShownEstimate.hashOf(workOrder, workOrders.totalsOf(workOrder));
    return new ApprovalsView(hash, approvals.decisions(workOrderId).stream().map(d -> new DecisionView(d.getLineId(),
        d.getDecision(), d.getApproverName(), d.getMethod(), d.getClientAddress(), d.getDocumentHash(),
        d.getDecidedAt(), d.getRecordedBy())).toList());
  }

  public record InspectionPointRequest(@NotBlank @Size(max = 200) String name,
                                       InspectionItem.Condition condition, @Size(max = 2000) String notes) {
  }

  public record InspectionRequest(@NotNull @Size(max = 200) List<@Valid @NotNull InspectionPointRequest> items) {
  }

  public record InspectionPointView(int position, String name, InspectionItem.Condition condition, String notes) {
  }

  @GET
  @Path("/{id}/inspection")
  public Map<String, List<InspectionPointView>> inspection(@PathParam("id") String id) {
    return Map.of("items", attachments.inspection(visible(id)).stream()
        .map(i -> new InspectionPointView(i.getPosition(), i.getName(), i.getCondition(), i.getNotes())).toList());
  }

  /** The technician fills in the checklist (replaces it as a whole). */
  @PUT
  @Path("/{id}/inspection")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, List<InspectionPointView>> inspect(@PathParam("id") String id,
                                                        @Valid @NotNull InspectionRequest request) {
    List<AttachmentService.InspectionPoint> points = request.items().stream()
        .map(p -> new AttachmentService.InspectionPoint(p.name().trim(), p.condition(), p.notes())).toList();
    return Map.of("items", attachments.replaceInspection(visible(id), points).stream()
        .map(i -> new InspectionPointView(i.getPosition(), i.getName(), i.getCondition(), i.getNotes())).toList());
  }

  /** Issues the invoice (gapless number per shop and year); managers and owners bill. */
  @POST
  @Path("/{id}/invoice")
  @Requires(Capability.MANAGE_MONEY)
  public Response invoice(@PathParam("id") String id, @Context UriInfo uri) {
    Invoice invoice = billing.invoice(caller.get(), PathIds.of("work order", id));
    return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoice.getId().toString()).build())
        .entity(InvoiceResource.InvoiceView.of(invoice)).tag(Versions.etag(invoice.getVersion())).build();
  }

  @GET
  @Path("/{id}/status-history")
  public StatusHistoryView history(@PathParam("id") String id) {
    UUID workOrderId = visible(id);
    List<StatusChange> history = workOrders.history(workOrderId);
    Map<String, Long> seconds = new LinkedHashMap<>();
    workOrders.timeInStatus(history, Instant.now()).forEach((k, v) -> seconds.put(k, v.toSeconds()));
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

  /** The id of a work order the caller may see (a technician: one assigned to them), else 404. */
  private UUID visible(String id) {
    UUID workOrderId = PathIds.of("work order", id);
    workOrders.get(caller.get(), workOrderId);
    return workOrderId;
  }

  private Response ok(WorkOrder workOrder) {
    return Response.ok(view(workOrder)).tag(Versions.etag(workOrder.getVersion())).build();
  }

  private WorkOrderViews.WorkOrderView view(WorkOrder workOrder) {
    Caller who = caller.get();
    return WorkOrderViews.WorkOrderView.of(workOrder, workOrders.totalsOf(workOrder), WorkOrderViews.seesCosts(who));
  }

  static UUID bodyId(String field, String text) {
    return Ids.parse(text.trim()).orElseThrow(() -> new DomainException.InvalidInput(field + " is not a valid id",
        List.of(new DomainException.FieldProblem(field, "must be an id"))));
  }

  private static List<UUID> ids(List<String> texts) {
    return texts == null ? List.of() : texts.stream().map(t -> bodyId("technicianIds", t)).distinct().toList();
  }
}
