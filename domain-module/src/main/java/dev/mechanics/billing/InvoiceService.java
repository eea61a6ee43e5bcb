package dev.mechanics.billing;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.workorder.TaxRates;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderChange;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invoicing a repair order, and reading invoices. Payments are {@link PaymentService}'s. */
@ApplicationScoped
@Transactional
public class InvoiceService {

  @Inject
  Invoices invoices;

  @Inject
  WorkOrders workOrders;

  @Inject
  TaxRates taxRates;

  @Inject
  YearlyNumbers numbers;

  @Inject
  AuditTrail audit;

  /**
   * Issues the invoice of a repair order (owners and the managers of its shop): the work order is locked, so it
   * is invoiced once, and the number is allocated in this transaction (gapless per shop and year in the shop's
   * time zone).
   */
  public Invoice issue(Caller caller, Id<WorkOrder> id) {
    UUID shopId = workOrders.shopOf(id.value()).orElseThrow(() -> new DomainException.NotFound("work order", id));
    caller.requireIn(Capability.MANAGE_MONEY, shopId, "invoice its work");
    WorkOrder workOrder = workOrders.requireForUpdate(id.value());
    workOrder.markInvoiced();
    List<TaxRule> rules = taxRates.rulesOf(workOrder.getShopId());
    // a work order stored before its sums were checked is refused here (422), not half-invoiced
    Totals totals = Totals.of(workOrder.getLines(), rules).requireStorable();
    Invoice invoice = new Invoice(workOrder, numbers.next(YearlyNumbers.Kind.INVOICE, workOrder.getShopId()),
        totals, InvoiceDocument.of(workOrder, totals, rules));
    invoices.add(invoice);
    workOrders.announce(workOrder, WorkOrderChange.INVOICE);
    audit.record("invoice.issued", "invoice", invoice.getId(), invoice.getShopId(), null,
        Map.of("number", invoice.getNumber(), "workOrderId", id.toString(), "total", invoice.getTotal().toString()));
    return invoice;
  }

  public Invoice get(UUID id) {
    return invoices.require(id);
  }

  /** {@code shop} null: every shop's invoices; {@code workOrder} null: of every work order. */
  public Page<Invoice> list(Id<Shop> shop, Id<WorkOrder> workOrder, PageRequest page) {
    return Page.of(invoices.list(shop == null ? null : shop.value(), workOrder == null ? null : workOrder.value(),
        page), page.limit(), Invoice::getId);
  }

  /** 404 for an unknown invoice, 403 unless the caller manages money in the invoice's shop. */
  void requireMoneyOf(Caller caller, UUID invoiceId, String action) {
    UUID shopId = invoices.shopOf(invoiceId).orElseThrow(() -> new DomainException.NotFound("invoice", invoiceId));
    caller.requireIn(Capability.MANAGE_MONEY, shopId, action);
  }
}
