package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.IOException;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.HttpHeaders;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.web.DocumentResponses;
import dev.mechanics.platform.web.Public;
import dev.mechanics.platform.web.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer's side of an approval link (no sign-in): shows exactly the lines and totals, with the hash of
 * what is shown, and records an answer per line once. A used or expired link shows nothing of the estimate: 409
 * or 410 problem+json whose type says which ({@code approval-link-used}, {@code approval-link-expired}; a
 * tampered link is {@code approval-link-invalid}, 404) and whose {@code shop} names who to call.
 */
@ApplicationScoped
@Path("/approvals/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@SecurityRequirements
@Tag(name = "Approvals")
public class ApprovalResource {

  @Inject
  ApprovalTokens tokens;

  @Inject
  ApprovalService approvals;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  WorkOrderDocuments documents;

  @Inject
  ClientAddress clientAddress;

  @Inject
  AttachmentService attachmentFiles;

  @Inject
  PublicLinks links;

  @Context
  HttpServletRequest http;

  /**
   * A line as the customer sees it: no costs, no technician. {@code kind} repeats {@code type} (LABOR, PART, FEE,
   * DISCOUNT); labor has {@code hours} at {@code unitPrice} (the rate), other lines a {@code quantity}.
   */
  public record ShownLine(UUID id, LineType type, String description, BigDecimal hours, BigDecimal quantity,
                          String unitPrice, String amount, LineApproval approval, LineType kind) {
  }

  /** Who the customer calls about the estimate. */
  @Schema(name = "ApprovalShop")
  public record ShopContact(String name, String phone) {
  }

  @Schema(name = "ApprovalVehicle")
  public record ShownVehicle(Integer year, String make, String model, String plate) {
  }

  /** An inspection point: its rating ({@code condition}: GREEN, YELLOW, RED) and the technician's note. */
  @Schema(name = "ApprovalInspectionPoint")
  public record ShownPoint(int position, String name, InspectionItem.Condition condition, String notes) {
  }

  /** A photo of the inspection, loadable without sign-in while the link is usable. */
  @Schema(name = "ApprovalPhoto")
  public record ShownPhoto(UUID id, String fileName, String contentType, String url) {
  }

  public record ShownView(String workOrderNumber, List<ShownLine> lines, WorkOrderViews.TotalsView totals,
                          String documentHash, Instant expiresAt, boolean answered, ShopContact shop,
                          ShownVehicle vehicle, List<ShownPoint> inspection, List<ShownPhoto> photos,
                          String currency) {
  }

  @Schema(name = "LineDecision")
  public record Decision(@NotBlank String lineId, @NotNull Boolean approved) {
  }

  @Schema(name = "LinkAnswerRequest")
  public record DecisionRequest(@NotBlank @Size(max = 200) String approverName,
                                @NotBlank @Size(max = 64) String documentHash,
                                @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Decision> decisions) {
  }

  public record RecordedView(String workOrderNumber, int approved, int declined) {
  }

  @GET
  @Operation(operationId = "showEstimate", summary = "The estimate, as the customer sees it",
      description = "Exactly the lines and totals the customer is asked to approve (no costs, no technicians), "
          + "with the hash of what is shown and whether it was answered; the shop to call, the vehicle, the "
          + "inspection points (rating and note) and their photos (`url`: loadable without sign-in while the "
          + "link is usable). A tampered link is 404 (`approval-link-invalid`, nothing of the estimate); a used "
          + "one 409 and an expired one 410, whose problem names only the shop (`shop.name`, `shop.phone`).")
  @APIResponse(responseCode = "200", description = "What the customer is asked to approve.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShownView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "410", ref = "Gone")
  public ShownView show(@Parameter(description = "The signed token of the approval link.")
                        @PathParam("token") String token) {
    ApprovalService.ApprovalPage page = approvals.page(tokens.verify(token));
    ApprovalService.Shown shown = page.shown();
    WorkOrder w = shown.workOrder();
    List<ShownLine> lines = w.getLines().stream().map(l -> new ShownLine(l.getId(), l.getType(),
        l.getDescription(), l.getHours(), l.getHours() == null ? l.getQuantity() : null,
        new Money(l.getRate() != null ? l.getRate() : l.getUnitPrice()).toString(),
        l.getAmount().toString(), l.getApproval(), l.getType())).toList();
    Vehicle v = page.vehicle();
    return new ShownView(w.getNumber(), lines, WorkOrderViews.TotalsView.of(shown.totals(), false),
        shown.documentHash(), shown.link().getExpiresAt(), shown.link().getUsedAt() != null,
        new ShopContact(page.shop().getName(), page.shop().getPhone()),
        v == null ? null : new ShownVehicle(v.getYear(), v.getMake(), v.getModel(), v.getPlate()),
        page.inspection().stream().map(i -> new ShownPoint(i.getPosition(), i.getName(), i.getCondition(),
            i.getNotes())).toList(),
        page.photos().stream().map(a -> new ShownPhoto(a.getId(), a.getFileName(), a.getContentType(),
            links.api("approvals", token, "photos", a.getId().toString()))).toList(), page.currency());
  }

  /** A photo of the estimate's inspection, for the approval page's image tags (no sign-in). */
  @GET
  @Path("photos/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(operationId = "getApprovalPhoto", summary = "A photo of the estimate's inspection",
      description = "The image as uploaded, for the approval page (`photos[].url` of `showEstimate`). Only "
          + "photos of the link's work order, only while the link is usable: another attachment or a tampered "
          + "link is 404, a used link 409, an expired one 410 (naming only the shop).")
  @APIResponse(responseCode = "200", description = "The image.",
      content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response photo(@Parameter(description = "The signed token of the approval link.")
                        @PathParam("token") String token, @PathParam("attachmentId") String attachmentId)
      throws IOException {
    UUID linkId = tokens.verify(token);
    Attachment photo = approvals.photo(linkId, RequestIds.path("photo", attachmentId));
    InputStream in = attachmentFiles.open(photo);
    StreamingOutput body = out -> {
      try (in) {
        in.transferTo(out);
      }
    };
    return Response.ok(body, photo.getContentType()).header(HttpHeaders.CONTENT_LENGTH, photo.getSize())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").build();
  }

  /** The estimate behind the link as a PDF, for the customer to keep (the approval page offers it). */
  @GET
  @Path("pdf")
  @Produces("application/pdf")
  @Operation(operationId = "getEstimatePdfByLink", summary = "The estimate of an approval link as a PDF",
      description = "What the link shows, as the shop's estimate document (PDF/A-2b), each line with the answer "
          + "given so far; no costs, no staff data beyond the shop's. Anyone holding the signed link; a tampered "
          + "link is 404.")
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response pdf(@Parameter(description = "The signed token of the approval link.") @PathParam("token") String token,
                      @Parameter(description = "Language (en, es, es-MX ...); default: the customer's, else the "
                          + "shop's") @QueryParam("lang") String lang) {
    UUID linkId = tokens.verify(token);
    String language = DocumentResponses.language(lang);
    return DocumentResponses.pdf(Tenancy.callAs(approvals.organizationOfLink(linkId),
        () -> documents.estimateForLink(linkId, language)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "answerEstimate", summary = "Approve or decline the estimate's lines",
      description = "Records the customer's decision on each line, once (each audited with the approver's name "
          + "and the client address). `documentHash` is the one `showEstimate` answered: 409 when the estimate "
          + "changed since, or the link was used; 410 when it expired; 422 for a line that is not on the "
          + "estimate. A tampered link is 404.")
  @APIResponse(responseCode = "200", description = "How many lines were approved and declined.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "410", ref = "Gone")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public RecordedView decide(@Parameter(description = "The signed token of the approval link.")
                             @PathParam("token") String token,
                             @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                 examples = @ExampleObject(name = "approve one, decline one", value = """
                                     {"approverName": "Ada Lovelace",
                                      "documentHash": "9f2c4b1e6a8d3f5c7b0e2d4a6c8e0f1a3b5d7f9e1c3a5b7d9f0e2c4a6b8d0f1e",
                                      "decisions": [{"lineId": "0193f1c2-0000-7000-8000-000000000005", "approved": true},
                                                    {"lineId": "0193f1c2-0000-7000-8000-000000000006", "approved": false}]}""")))
                             DecisionRequest request) {
    UUID linkId = tokens.verify(token);
    ApprovalService.Recorded recorded = approvals.decideByLink(linkId, decisions(request.decisions()),
        request.documentHash().trim(), request.approverName().trim(), http == null ? null : clientAddress.of(http));
    count(metrics, recorded);
    return new RecordedView(recorded.workOrderNumber(), recorded.approved(), recorded.declined());
  }

  static Map<UUID, Boolean> decisions(List<Decision> decisions) {
    Map<UUID, Boolean> byLine = new LinkedHashMap<>();
    for (Decision d : decisions) {
      UUID line = RequestIds.field("lineId", d.lineId());
      if (byLine.put(line, d.approved()) != null) {
        throw new DomainException.Malformed("decisions", "line " + line + " is answered twice");
      }
    }
    return byLine;
  }

  static void count(WorkOrderMetrics metrics, ApprovalService.Recorded recorded) {
    for (int i = 0; i < recorded.approved(); i++) {
      metrics.approvalRecorded(recorded.shopId(), "approved");
    }
    for (int i = 0; i < recorded.declined(); i++) {
      metrics.approvalRecorded(recorded.shopId(), "declined");
    }
  }
}
