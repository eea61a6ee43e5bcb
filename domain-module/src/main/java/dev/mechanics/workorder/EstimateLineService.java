package dev.mechanics.workorder;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writing the estimate: add, change and remove a work order's lines, or insert a canned job's. Every line
 * edit is audited (what was sold and for how much) and bumps the work order's version.
 */
@ApplicationScoped
@Transactional
public class EstimateLineService {

  @Inject
  WorkOrders workOrders;

  @Inject
  CannedJobs cannedJobs;

  @Inject
  Shops shops;

  @Inject
  TaxRates taxRates;

  @Inject
  AuditTrail audit;

  public WorkOrderLine addLine(Id<WorkOrder> id, LineDetails details) {
    WorkOrder workOrder = workOrders.require(id.value());
    WorkOrderLine line = workOrder.addLine(details, laborRateOf(workOrder));
    requireInvoiceable(workOrder);
    audit(workOrder, "work-order.line-added", null, lineState(line));
    workOrders.touch(workOrder, WorkOrderChange.LINES);
    return line;
  }

  public WorkOrderLine changeLine(Id<WorkOrder> id, UUID lineId, long expectedVersion, LineDetails details) {
    WorkOrder workOrder = workOrders.require(id.value());
    workOrder.requireVersion(expectedVersion, "work order");
    Map<String, String> before = lineState(workOrder.line(lineId));
    WorkOrderLine line = workOrder.changeLine(lineId, details, laborRateOf(workOrder));
    requireInvoiceable(workOrder);
    audit(workOrder, "work-order.line-changed", before, lineState(line));
    workOrders.touch(workOrder, WorkOrderChange.LINES);
    return line;
  }

  /** {@code expectedVersion} null: whatever the version (a delete without If-Match). */
  public void removeLine(Id<WorkOrder> id, UUID lineId, Long expectedVersion) {
    WorkOrder workOrder = workOrders.require(id.value());
    if (expectedVersion != null) {
      workOrder.requireVersion(expectedVersion, "work order");
    }
    audit(workOrder, "work-order.line-removed", lineState(workOrder.line(lineId)), null);
    workOrder.removeLine(lineId);
    workOrders.touch(workOrder, WorkOrderChange.LINES);
  }

  /** Inserts all lines of a canned job of the work order's shop, in one transaction. */
  public WorkOrder applyCannedJob(Id<WorkOrder> id, UUID cannedJobId) {
    WorkOrder workOrder = workOrders.require(id.value());
    CannedJob job = cannedJobs.find(cannedJobId).filter(j -> j.getShopId().equals(workOrder.getShopId()))
        .orElseThrow(() -> DomainException.InvalidInput.field("cannedJobId", "no such canned job in this shop"));
    Money rate = laborRateOf(workOrder);
    job.getLines().forEach(l -> {
      Map<String, String> after = lineState(workOrder.addLine(l.details(), rate));
      after.put("cannedJobId", job.getId().toString());
      audit(workOrder, "work-order.line-added", null, after);
    });
    requireInvoiceable(workOrder);
    return workOrders.touch(workOrder, WorkOrderChange.LINES);
  }

  /** Inside the writing transaction: lines whose sums could not be invoiced are refused (422), never stored. */
  private void requireInvoiceable(WorkOrder workOrder) {
    Totals.of(workOrder.getLines(), taxRates.rulesOf(workOrder.getShopId())).requireStorable();
  }

  private void audit(WorkOrder workOrder, String action, Map<String, String> before, Map<String, String> after) {
    audit.record(action, "work-order", workOrder.getId(), workOrder.getShopId(), before, after);
  }

  private Money laborRateOf(WorkOrder workOrder) {
    return shops.find(workOrder.getShopId()).map(s -> new Money(s.getLaborRate())).orElse(Money.ZERO);
  }

  /** A line as the audit trail keeps it: what was sold and for how much (no personal data on a line). */
  static Map<String, String> lineState(WorkOrderLine line) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("lineId", line.getId().toString());
    state.put("type", line.getType().name());
    state.put("description", line.getDescription());
    putIfSet(state, "hours", line.getHours());
    putIfSet(state, "rate", line.getRate());
    putIfSet(state, "quantity", line.getQuantity());
    putIfSet(state, "unitCost", line.getUnitCost());
    putIfSet(state, "unitPrice", line.getUnitPrice());
    state.put("amount", line.getAmount().toString());
    state.put("taxable", Boolean.toString(line.isTaxable()));
    putIfSet(state, "technicianId", line.getTechnicianId());
    putIfSet(state, "partNumber", line.getPartNumber());
    return state;
  }

  private static void putIfSet(Map<String, String> state, String key, Object value) {
    if (value != null) {
      state.put(key, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }
  }
}
