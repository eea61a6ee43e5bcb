package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.workorder.ApprovalResource.Decision;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/**
 * The customer's answers to an estimate as staff see them: every recorded decision with its evidence, and
 * recording an answer given on the phone or at the counter (link answers come through {@link ApprovalResource}).
 */
@ApplicationScoped
@Path("/work-orders/{id}/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
public class CustomerAnswerResource {

  @Inject
  WorkOrderService workOrders;

  @Inject
  ApprovalService approvals;

  @Inject
  CurrentCaller caller;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  ClientAddress clientAddress;

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

  /** Staff record the customer's answer given on the phone or at the counter. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "recordCustomerAnswer", summary = "Record the customer's answer",
      description = "Records the customer's approval or decline of each line, given on the phone or in person "
          + "(each decision audited with the approver's name). `documentHash` is the `documentHash` of "
          + "`listApprovalRecords`: 409 when the estimate changed since (or is invoiced, or has no lines); 422 "
          + "for a line that is not on the work order or the LINK method.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The work order with each line's decision.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = WorkOrderViews.WorkOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response recordAnswer(@PathParam("id") String id,
                               @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "phone", value = """
                                       {"approverName": "Ada Lovelace", "method": "PHONE",
                                        "documentHash": "9f2c4b1e6a8d3f5c7b0e2d4a6c8e0f1a3b5d7f9e1c3a5b7d9f0e2c4a6b8d0f1e",
                                        "decisions": [{"lineId": "0193f1c2-0000-7000-8000-000000000005", "approved": true}]}""")))
                               CustomerAnswerRequest request,
                               @Context HttpServletRequest http) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    ApprovalService.Recorded recorded = approvals.decideForCustomer(workOrderId,
        ApprovalResource.decisions(request.decisions()), request.documentHash().trim(),
        new LineDecision.Approval(request.approverName().trim(), request.method(), clientAddress.of(http),
            caller.get().userId()));
    ApprovalResource.count(metrics, recorded);
    WorkOrder workOrder = workOrders.get(workOrderId);
    return WorkOrderViews.ok(workOrder, workOrders.totalsOf(workOrder), caller.get());
  }

  /** The evidence: every recorded answer, and the hash of what the work order shows now. */
  @GET
  @Operation(operationId = "listApprovalRecords", summary = "The customer's answers",
      description = "Every recorded decision with its evidence (approver, method, client address, the hash of "
          + "what was shown), and the hash of what the work order shows now. A technician sees only work "
          + "assigned to them (else 404).")
  public ApprovalsView approvalRecords(@PathParam("id") String id) {
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    WorkOrder workOrder = workOrders.get(caller.get(), workOrderId);
    String hash = ShownEstimate.hashOf(workOrder, workOrders.totalsOf(workOrder));
    return new ApprovalsView(hash, approvals.decisions(workOrderId).stream().map(d -> new DecisionView(d.getLineId(),
        d.getDecision(), d.getApproverName(), d.getMethod(), d.getClientAddress(), d.getDocumentHash(),
        d.getDecidedAt(), d.getRecordedBy())).toList());
  }
}
