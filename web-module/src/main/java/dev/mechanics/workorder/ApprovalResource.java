package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Public;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer's side of an approval link (no sign-in): shows exactly the lines and totals, with the hash of
 * what is shown, and records an answer per line once.
 */
@Path("/approvals/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Public
public class ApprovalResource {

  @Inject
  ApprovalTokens tokens;

  @Inject
  ApprovalService approvals;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  ClientAddress clientAddress;

  @Context
  HttpServletRequest http;

  /** A line as the customer sees it: no costs, no technician. */
  public record ShownLine(UUID id, LineType type, String description, BigDecimal hours, BigDecimal quantity,
                          String unitPrice, String amount, LineApproval approval) {
  }

  public record ShownView(String workOrderNumber, List<ShownLine> lines, WorkOrderViews.TotalsView totals,
                          String documentHash, Instant expiresAt, boolean answered) {
  }

  public record Decision(@NotBlank String lineId, @NotNull Boolean approved) {
  }

  public record DecisionRequest(@NotBlank @Size(max = 200) String approverName,
                                @NotBlank @Size(max = 64) String documentHash,
                                @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Decision> decisions) {
  }

  public record RecordedView(String workOrderNumber, int approved, int declined) {
  }

  @GET
  public ShownView show(@PathParam("token") String token) {
    ApprovalService.Shown shown = approvals.show(tokens.verify(token));
    WorkOrder w = shown.workOrder();
    List<ShownLine> lines = w.getLines().stream().map(l -> new ShownLine(l.getId(), l.getType(),
        l.getDescription(), l.getHours(), l.getHours() == null ? l.getQuantity() : null,
        new Money(l.getRate() != null ? l.getRate() : l.getUnitPrice()).toString(),
        l.getAmount().toString(), l.getApproval())).toList();
    return new ShownView(w.getNumber(), lines, WorkOrderViews.TotalsView.of(shown.totals(), false),
        shown.documentHash(), shown.link().getExpiresAt(), shown.link().getUsedAt() != null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public RecordedView decide(@PathParam("token") String token, @Valid @NotNull DecisionRequest request) {
    UUID linkId = tokens.verify(token);
    ApprovalService.Recorded recorded = approvals.decideByLink(linkId, decisions(request.decisions()),
        request.documentHash().trim(), request.approverName().trim(), http == null ? null : clientAddress.of(http));
    count(metrics, recorded);
    return new RecordedView(approvals.show(linkId).workOrder().getNumber(), recorded.approved(), recorded.declined());
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
