package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.billing.Invoice;
import dev.mechanics.billing.InvoiceResource;
import dev.mechanics.billing.InvoiceService;
import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.billing.InvoiceMail;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.IdempotentRoutes;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.OneTransaction;
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

/**
 * The job from estimate to invoice: create it, read it, describe it, start the repair, move it on the board,
 * send the approval link, invoice it. Lines, approvals, inspection and attachments have their own resources
 * under {@code /work-orders/{id}/...}.
 */
@ApplicationScoped
@Path("/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
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
  OneTransaction oneTransaction;

  @Inject
  ApprovalMail approvalMail;

  @Inject
  InvoiceMail invoiceMail;

  @Inject
  PublicLinks links;

  @Inject
  IdempotentRoutes idempotent;

  @Inject
  @ConfigProperty(name = "APPROVAL_LINK_LIFETIME", defaultValue = "72h")
  String approvalLinkLifetime;

  @Schema(name = "ApprovalLinkRequest")
  public record ApprovalLinkRequest(@Email @Size(max = 320) String email) {
  }

  /** {@code url}: the API's JSON of the link; {@code pageUrl}: the app's approval page the customer opens. */
  public record ApprovalLinkView(String url, Instant expiresAt, boolean emailSent, String pageUrl) {
  }

  @Schema(name = "WorkOrderCreateRequest")
  public record CreateRequest(@NotBlank String shopId, @NotBlank String customerId, @NotBlank String vehicleId,
                              @Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt) {
  }

  @Schema(name = "WorkOrderChangeRequest")
  public record ChangeRequest(@Min(0) @Max(9_999_999) Integer mileageIn, @Size(max = 4000) String complaint,
                              @Size(max = 4000) String cause, @Size(max = 4000) String correction,
                              @Size(max = 20) List<@NotBlank String> technicianIds, Instant promisedAt,
                              @Min(0) @Max(9_999_999) Integer mileageOut) {
  }

  @Schema(name = "WorkOrderStatusRequest")
  public record StatusRequest(@NotBlank @Size(max = 40) String status) {
  }

  public record StatusChangeView(String from, String to, UUID changedBy, Instant changedAt) {
  }

  public record StatusHistoryView(String status, List<StatusChangeView> items, Map<String, Long> secondsInStatus) {
  }

  /** The document's name for {@code {"items": [...]}} of lines (recommendations). */
  /** The document's name for a page of the board (SmallRye names generic pages after their type argument). */
  @Schema(name = "ListingBoardCard")
  record BoardPage(List<WorkOrderViews.BoardCard> items, String next) {
  }

  @Schema(name = "LineList")
  record LineList(List<WorkOrderViews.LineView> items) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "createWorkOrder", summary = "Open a work order",
      description = "Opens an estimate for a customer's vehicle in a shop, numbered per shop, in the board's "
          + "first column. 422 when the shop, customer or vehicle does not exist or the vehicle is not the "
          + "customer's. With an `Idempotency-Key`, a retry after a lost answer opens nothing twice.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The new work order (an estimate without lines); the same "
      + "answer again for a retry with the same `Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                             type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                             maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "brakes", value = """
          {"shopId": "0193f1c2-0000-7000-8000-000000000001", "customerId": "0193f1c2-0000-7000-8000-000000000002",
           "vehicleId": "0193f1c2-0000-7000-8000-000000000003", "mileageIn": 182000,
           "complaint": "Grinding noise when braking", "promisedAt": "2026-03-02T17:00:00Z"}"""))) CreateRequest request, @Context UriInfo uri) {
    return idempotent.once(idempotencyKey, "work-order|" + request, "work order", () -> {
      WorkOrder created = workOrders.create(new WorkOrderService.NewWorkOrder(
          RequestIds.field("shopId", request.shopId(), Id::new),
          RequestIds.field("customerId", request.customerId(), Id::new),
          RequestIds.field("vehicleId", request.vehicleId(), Id::new),
          request.mileageIn(), request.complaint(), technicians(request.technicianIds()), request.promisedAt()),
          caller.get().userId());
      metrics.workOrderCreated(created.getShopId());
      return WorkOrderViews.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build(), created,
          workOrders.totalsOf(created), caller.get());
    });
  }

  @GET
  @Operation(operationId = "listWorkOrders", summary = "The shop's board",
      description = "The shop's work orders as board cards, a page at a time; `kind` narrows to estimates, "
          + "repair orders or invoiced work. A technician sees only the work assigned to them. 404 when the "
          + "shop does not exist.")
  @APIResponse(responseCode = "200", description = "A page of board cards.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardPage.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Listing<WorkOrderViews.BoardCard> board(@Parameter(description = "The shop whose board this is.",
                                                     required = true) @QueryParam("shopId") String shopId,
                                                 @Parameter(description = "Only work orders of this kind.",
                                                     schema = @Schema(enumeration = {"ESTIMATE", "REPAIR_ORDER",
                                                         "INVOICED"})) @QueryParam("kind") String kind,
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
  @Operation(operationId = "getWorkOrder", summary = "Read a work order",
      description = "The work order with its lines, totals and version as the `ETag`. A technician sees only "
          + "work assigned to them (else 404), without costs or margins.")
  @APIResponse(responseCode = "200", description = "The work order as the caller may see it.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  public Response get(@PathParam("id") String id) {
    return ok(workOrders.read(caller.get(), workOrderId(id)));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "changeWorkOrder", summary = "Describe a work order",
      description = "Replaces the work order's mileage, complaint, cause, correction, technicians and promised "
          + "time. 409 once it is invoiced; 422 for an unknown technician.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The work order as the caller may see it.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "diagnosed", value = """
                                 {"mileageIn": 182000, "complaint": "Grinding noise when braking",
                                  "cause": "Front pads worn to the backing plate", "correction": "Replace pads and rotors",
                                  "technicianIds": ["0193f1c2-0000-7000-8000-000000000004"]}"""))) ChangeRequest request) {
    Id<WorkOrder> workOrderId = workOrderId(id);
    return ok(workOrders.change(workOrderId, Versions.required(ifMatch), new WorkOrderService.Description(
        request.mileageIn(), request.complaint(), request.cause(), request.correction(),
        technicians(request.technicianIds()), request.promisedAt(), request.mileageOut())));
  }

  /** Inserts every line of one of the shop's canned jobs. */
  @POST
  @Path("/{id}/canned-jobs/{cannedJobId}")
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "applyCannedJob", summary = "Insert a canned job",
      description = "Adds every line of one of the shop's canned jobs to the work order. 409 once it is "
          + "invoiced; 422 when the canned job is not the shop's.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The work order as the caller may see it.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response applyCannedJob(@PathParam("id") String id, @PathParam("cannedJobId") String cannedJobId) {
    Id<WorkOrder> workOrderId = workOrderId(id);
    lines.applyCannedJob(workOrderId, RequestIds.path("canned job", cannedJobId));
    return ok(workOrders.get(workOrderId));
  }

  @POST
  @Path("/{id}/repair-order")
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "startRepair", summary = "Turn the estimate into a repair order",
      description = "The customer has approved (some of) the work: the estimate becomes a repair order. 409 "
          + "when it already is one or is invoiced, unless this is a retry with the first request's "
          + "`Idempotency-Key`.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The work order as the caller may see it; the same answer "
      + "again for a retry with the same `Idempotency-Key`.", headers = {@Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response startRepair(@PathParam("id") String id,
                              @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                                  type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                  maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
    Id<WorkOrder> workOrder = workOrderId(id);
    return idempotent.once(idempotencyKey, "repair-order|" + workOrder.value(), "repair order",
        () -> ok(workOrders.startRepair(workOrder)));
  }

  @POST
  @Path("/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "moveWorkOrder", summary = "Move a work order on the board",
      description = "Moves the work order to another column of the shop's board, recorded in its status "
          + "history. 409 when the board does not allow this move from the current column; 422 when the status "
          + "is not a column of the board. A technician moves only work assigned to them (else 404).")
  @APIResponse(responseCode = "200", description = "The work order as the caller may see it; the same answer "
      + "again for a retry with the same `Idempotency-Key`.", headers = {@Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response moveTo(@PathParam("id") String id,
                         @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                             type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                             maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "in bay", value = """
                                 {"status": "IN_PROGRESS"}"""))) StatusRequest request) {
    Id<WorkOrder> workOrder = visible(id);
    String status = request.status().trim();
    return idempotent.once(idempotencyKey, "status|" + workOrder.value() + "|" + status, "status change",
        () -> ok(board.moveTo(workOrder, status, caller.get().userId())));
  }

  /** A signed, expiring link for the customer, e-mailed when an address is given (logged without SMTP). */
  @POST
  @Path("/{id}/approval-link")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "createApprovalLink", summary = "Send the estimate for approval",
      description = "Creates a signed link (valid for APPROVAL_LINK_LIFETIME) where the customer sees the "
          + "estimate and approves or declines each line without signing in; with an `email` it is mailed to "
          + "them (`emailSent`); `pageUrl` is the app's approval page the mail links to. The body is optional. 409 when the work order has no lines or is invoiced.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The link (give it to the customer; it needs no token).",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalLinkView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response approvalLink(@PathParam("id") String id,
                               @Valid @RequestBody(required = false, content = @Content(
                                   mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "mail",
                                   value = """
                                       {"email": "ada@example.com"}"""))) ApprovalLinkRequest request) {
    String email = request == null || request.email() == null || request.email().isBlank() ? null
        : request.email().trim();
    // the link and its mail commit together (the outbox, ADR 0046)
    ApprovalLinkView view = oneTransaction.call(() -> {
      ApprovalLink link = approvals.createLink(workOrderId(id), email,
          DurationSetting.parse("APPROVAL_LINK_LIFETIME", approvalLinkLifetime), caller.get().userId());
      String token = approvalTokens.sign(link.getId());
      String url = links.api("approvals", token);
      String page = links.page("approvals", token);
      boolean sent = email != null && approvalMail.send(new Id<>(link.getWorkOrderId()), email, page,
          link.getExpiresAt());
      return new ApprovalLinkView(url, link.getExpiresAt(), sent, page);
    });
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  /** Issues the invoice (gapless number per shop and year); owners and the shop's managers bill. */
  @POST
  @Path("/{id}/invoice")
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "issueInvoice", summary = "Invoice a repair order",
      description = "Issues the invoice of a repair order: its approved lines and totals are frozen, with a "
          + "gapless number per shop and year, and mailed to the customer with the PDF attached when the customer "
          + "has an e-mail and the shop has not turned that off (`Invoice-Mailed`). Owners, and managers of the "
          + "work order's shop (a manager of another shop: 403). 409 when the work order is not a repair order or "
          + "is already invoiced. With an `Idempotency-Key`, a retry after a lost answer gets the invoice back "
          + "(mailed once) instead of a 409.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "201", description = "The invoice; the same answer again for a retry with the same "
      + "`Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = "Invoice-Mailed", ref = "InvoiceMailed"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = InvoiceResource.InvoiceView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response invoice(@PathParam("id") String id,
                          @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                              maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Context UriInfo uri) {
    Id<WorkOrder> workOrder = workOrderId(id);
    UUID[] issued = new UUID[1];
    Response answer = idempotent.once(idempotencyKey, "invoice|" + workOrder.value(), "invoice", () -> {
      Invoice invoice = invoices.issue(caller.get(), workOrder);
      issued[0] = invoice.getId();
      return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoice.getId().toString()).build())
          .entity(InvoiceResource.InvoiceView.of(invoice)).tag(Versions.etag(invoice.getVersion())).build();
    });
    // mailed after the invoice committed, and only by the request that issued it (never by a replay)
    boolean mailed = issued[0] != null && invoiceMail.send(issued[0]);
    return Response.fromResponse(answer).header("Invoice-Mailed", Boolean.toString(mailed)).build();
  }

  @GET
  @Path("/{id}/status-history")
  @Operation(operationId = "getStatusHistory", summary = "A work order's moves on the board",
      description = "Every move of the work order between board columns, and how long it spent in each. A "
          + "technician sees only work assigned to them (else 404).")
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
  @Operation(operationId = "listRecommendations", summary = "Declined work to recommend",
      description = "Lines the customer declined on this vehicle's earlier work orders: work to recommend "
          + "again. A technician sees only work assigned to them (else 404), without costs.")
  @APIResponse(responseCode = "200", description = "The declined lines.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineList.class)))
  public Map<String, List<WorkOrderViews.LineView>> recommendations(@PathParam("id") String id) {
    boolean costs = WorkOrderViews.seesCosts(caller.get());
    return Map.of("items", workOrders.recommendations(caller.get(), workOrderId(id)).stream()
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
