package dev.mechanics.workorder;

/**
 * Fired inside the invoicing transaction, after the work order is locked and marked invoiced and before its
 * totals are taken: the parts it used leave the shop's stock and their lines' unit cost becomes the cost of goods.
 */
public record WorkOrderInvoicing(WorkOrder workOrder) {
}
