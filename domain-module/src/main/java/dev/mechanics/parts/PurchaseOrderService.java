package dev.mechanics.parts;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Purchase orders of a shop: draft, order, receive (exactly once per Idempotency-Key), cancel (audited). */
@ApplicationScoped
@Transactional
public class PurchaseOrderService {

  @Inject
  PurchaseOrders orders;

  @Inject
  Parts parts;

  @Inject
  Shops shops;

  @Inject
  StockLedger ledger;

  @Inject
  IdempotentRequests idempotent;

  @Inject
  AuditTrail audit;

  /** A line as requested; {@code unitCost} null: the catalogue cost. */
  public record OrderLine(UUID partId, BigDecimal quantity, Money unitCost) {
  }

  /** A quantity received on one line of the order. */
  public record Received(UUID lineId, BigDecimal quantity) {
  }

  public record ReceiptResult(PurchaseOrder order, boolean replayed) {
  }

  public PurchaseOrder draft(Caller caller, Id<Shop> shop, String vendor, List<OrderLine> lines) {
    shops.require(shop.value());
    caller.requireIn(Capability.HANDLE_STOCK, shop.value(), "order parts for it");
    PurchaseOrder order = new PurchaseOrder(Tenancy.current(), shop.value(), vendor, caller.userId());
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      Part part = parts.requireField(line.partId(), "lines[" + i + "].partId");
      order.addLine(part, line.quantity(), (line.unitCost() == null ? part.getUnitCost() : line.unitCost())
          .amount());
    }
    orders.add(order);
    orders.flush();
    return order;
  }

  public PurchaseOrder get(UUID id) {
    return orders.require(id);
  }

  public Page<PurchaseOrder> list(Id<Shop> shop, PageRequest page) {
    shops.require(shop.value());
    return Page.of(orders.ofShop(shop.value(), page), page.limit(), PurchaseOrder::getId);
  }

  public PurchaseOrder order(Caller caller, UUID id, long expectedVersion) {
    PurchaseOrder order = orders.requireForUpdate(id);
    caller.requireIn(Capability.HANDLE_STOCK, order.getShopId(), "order parts for it");
    order.requireVersion(expectedVersion, "purchase order");
    order.order();
    orders.flush();
    return order;
  }

  /** Cancels a draft or ordered purchase order with a reason (audited). */
  public PurchaseOrder cancel(Caller caller, UUID id, long expectedVersion, String reason) {
    PurchaseOrder order = orders.requireForUpdate(id);
    caller.requireIn(Capability.MANAGE_PARTS, order.getShopId(), "cancel its purchase orders");
    order.requireVersion(expectedVersion, "purchase order");
    String before = order.getStatus().name();
    order.cancel(reason);
    orders.flush();
    audit.record("purchase-order.cancelled", "purchase-order", order.getId(), order.getShopId(),
        Map.of("status", before), Map.of("status", order.getStatus().name(), "reason", reason));
    return order;
  }

  /**
   * Books a delivery: on hand grows and the average cost moves, line by line, at the line's unit cost. The order
   * row is locked first, so a retry with the same key finds this receipt and books nothing again.
   */
  public ReceiptResult receive(Caller caller, UUID id, List<Received> received, String idempotencyKeyHeader) {
    String key = IdempotentRequests.requireKey(idempotencyKeyHeader, "receipts");
    PurchaseOrder order = orders.requireForUpdate(id);
    caller.requireIn(Capability.HANDLE_STOCK, order.getShopId(), "receive its parts");
    String canonical = id + "|" + received.stream().map(r -> r.lineId() + "=" + Quantities.text(r.quantity()))
        .collect(Collectors.joining(","));
    String hash = IdempotentRequests.hash(canonical);
    Optional<PurchaseOrderReceipt> earlier = idempotent.earlier(PurchaseOrderReceipt.class, key, hash, "receipt");
    if (earlier.isPresent()) {
      return new ReceiptResult(order, true);
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < received.size(); i++) {
      Received r = received.get(i);
      if (!seen.add(r.lineId())) {
        throw DomainException.InvalidInput.field("lines[" + i + "].lineId", "names a line twice");
      }
      PurchaseOrderLine line = order.receive(r.lineId(), r.quantity(), "lines[" + i + "]");
      ledger.receive(order.getShopId(), line.getPartId(), r.quantity(), line.getUnitCost(),
          StockMovement.Kind.RECEIVED, new Stock.Ref("purchase-order", order.getId()));
    }
    orders.add(new PurchaseOrderReceipt(Tenancy.current(), order.getId(), caller.userId(), canonical, key, hash));
    orders.flush();
    return new ReceiptResult(order, false);
  }
}
