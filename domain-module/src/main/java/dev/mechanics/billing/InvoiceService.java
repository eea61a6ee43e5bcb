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
import dev.mechanics.workorder.WorkOrderInvoicing;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

  @Inject
  Event<WorkOrderInvoicing> invoicing;

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
    invoicing.fire(new WorkOrderInvoicing(workOrder));
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

  @Inject
  dev.mechanics.tenancy.Shops shops;

  @Inject
  dev.mechanics.tenancy.Organizations organizations;

  /** At most this many rows of each kind in one export: a longer period is asked for in parts. */
  static final int EXPORT_ROWS = 50_000;

  /** The invoices of a filter, a page at a time. */
  public Page<Invoice> list(InvoiceFilter filter, PageRequest page) {
    ZoneId zone = zoneOf(filter.shopId());
    return Page.of(invoices.list(filter, start(filter.from(), zone), endOf(filter.to(), zone), page), page.limit(),
        Invoice::getId);
  }

  /**
   * The accountant's CSV of a period: the invoices issued, the payments taken and the credit notes issued in it
   * (days in the shop's time zone, else the organization's), one row each, formula-safe cells.
   */
  public byte[] export(InvoiceFilter filter) {
    if (filter.from() == null || filter.to() == null) {
      throw DomainException.InvalidInput.field(filter.from() == null ? "from" : "to",
          "is required: the first and last day of the period");
    }
    if (filter.to().isBefore(filter.from()) || filter.from().plusDays(400).isBefore(filter.to())) {
      throw DomainException.InvalidInput.field("to", "must be on or after from, at most 400 days later");
    }
    ZoneId zone = zoneOf(filter.shopId());
    Instant from = start(filter.from(), zone);
    Instant to = endOf(filter.to(), zone);
    List<Invoice> issued = invoices.list(filter, from, to, null, EXPORT_ROWS + 1);
    List<Payment> paid = invoices.paymentsBetween(filter.shopId(), from, to, EXPORT_ROWS + 1);
    List<CreditNote> credited = invoices.creditNotesBetween(filter.shopId(), from, to, EXPORT_ROWS + 1);
    if (issued.size() > EXPORT_ROWS || paid.size() > EXPORT_ROWS || credited.size() > EXPORT_ROWS) {
      throw DomainException.InvalidInput.field("to", "the period holds more than " + EXPORT_ROWS
          + " rows of one kind: export a shorter period");
    }
    java.util.Map<UUID, String> numbers = new java.util.HashMap<>();
    issued.forEach(i -> numbers.put(i.getId(), i.getNumber()));
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
    try (dev.mechanics.platform.SpreadsheetSafeCsv csv = new dev.mechanics.platform.SpreadsheetSafeCsv(
        "kind", "number", "date", "shop", "invoice", "customer", "status", "net", "tax", "total", "paid",
        "credited", "balance due", "method", "reference", "reason")) {
      java.util.Map<UUID, String> shopNames = new java.util.HashMap<>();
      java.util.function.Function<UUID, String> shopName = id -> shopNames.computeIfAbsent(id,
          k -> shops.find(k).map(Shop::getName).orElse(k.toString()));
      for (Invoice i : issued) {
        csv.row("invoice", i.getNumber(), day.format(i.getIssuedAt()), shopName.apply(i.getShopId()), i.getNumber(),
            i.getCustomerId(), i.getStatus(), i.getSubtotal(), i.getTaxTotal(), i.getTotal(), i.getAmountPaid(),
            i.getAmountCredited(), i.getBalanceDue(), null, null, null);
      }
      for (Payment p : paid) {
        Invoice i = invoices.require(p.getInvoiceId());
        csv.row("payment", null, day.format(p.getCreatedAt()), shopName.apply(i.getShopId()), i.getNumber(),
            i.getCustomerId(), null, null, null, p.getAmount(), null, null, null, p.getMethod(), p.getReference(),
            null);
      }
      for (CreditNote c : credited) {
        Invoice i = invoices.require(c.getInvoiceId());
        csv.row("credit note", c.getNumber(), day.format(c.getIssuedAt()), shopName.apply(c.getShopId()),
            i.getNumber(), i.getCustomerId(), null, c.getSubtotal(), c.getTaxTotal(), c.getTotal(), null, null,
            null, null, null, c.getReason());
      }
      return csv.toBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ZoneId zoneOf(UUID shopId) {
    if (shopId != null) {
      return ZoneId.of(shops.require(shopId).getTimeZone());
    }
    return organizations.find(dev.mechanics.platform.Tenancy.current()).map(o -> ZoneId.of(o.getTimeZone()))
        .orElse(ZoneId.of("UTC"));
  }

  private static Instant start(LocalDate day, ZoneId zone) {
    return day == null ? null : day.atStartOfDay(zone).toInstant();
  }

  private static Instant endOf(LocalDate day, ZoneId zone) {
    return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** 404 for an unknown invoice, 403 unless the caller manages money in the invoice's shop. */
  void requireMoneyOf(Caller caller, UUID invoiceId, String action) {
    UUID shopId = invoices.shopOf(invoiceId).orElseThrow(() -> new DomainException.NotFound("invoice", invoiceId));
    caller.requireIn(Capability.MANAGE_MONEY, shopId, action);
  }
}
