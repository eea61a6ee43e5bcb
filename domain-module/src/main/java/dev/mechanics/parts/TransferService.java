package dev.mechanics.parts;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Transfers between two shops of the organization. Shipping takes the parts out of the sender's stock (at its
 * average cost); receiving puts them into the receiver's, filling its waiting part lines first.
 */
@ApplicationScoped
@Transactional
public class TransferService {

  @Inject
  Transfers transfers;

  @Inject
  Shops shops;

  @Inject
  Parts parts;

  @Inject
  Stocks stocks;

  @Inject
  PartReservations reservations;

  @Inject
  StockLedger ledger;

  @Inject
  IdempotentRequests idempotent;

  public record Line(UUID partId, BigDecimal quantity) {
  }

  public record Received(UUID lineId, BigDecimal quantity) {
  }

  public record Result(Transfer transfer, boolean replayed) {
  }

  /** Requests a transfer (by someone handling stock in either shop), exactly once per Idempotency-Key. */
  public Result request(Caller caller, UUID fromShopId, UUID toShopId, List<Line> lines, UUID workOrderLineId,
                        String idempotencyKeyHeader) {
    String key = IdempotentRequests.requireKey(idempotencyKeyHeader, "transfers");
    shops.find(fromShopId).orElseThrow(() -> DomainException.InvalidInput.field("fromShopId", "no such shop"));
    shops.find(toShopId).orElseThrow(() -> DomainException.InvalidInput.field("toShopId", "no such shop"));
    if (fromShopId.equals(toShopId)) {
      throw DomainException.InvalidInput.field("toShopId", "must be another shop than fromShopId");
    }
    if (!caller.mayIn(Capability.HANDLE_STOCK, fromShopId) && !caller.mayIn(Capability.HANDLE_STOCK, toShopId)) {
      caller.requireIn(Capability.HANDLE_STOCK, toShopId, "request transfers for it");
    }
    String hash = IdempotentRequests.hash(fromShopId + "|" + toShopId + "|" + workOrderLineId + "|"
        + lines.stream().map(l -> l.partId() + "=" + Quantities.text(l.quantity())).collect(Collectors.joining(",")));
    transfers.lockKey(key);
    Optional<Transfer> earlier = idempotent.earlier(Transfer.class, key, hash, "transfer");
    if (earlier.isPresent()) {
      return new Result(earlier.get(), true);
    }
    if (workOrderLineId != null) {
      PartReservation waiting = reservations.ofLine(workOrderLineId)
          .filter(r -> r.getShopId().equals(toShopId))
          .orElseThrow(() -> DomainException.InvalidInput.field("workOrderLineId",
              "no catalogue part line of a work order of the receiving shop"));
      if (lines.stream().noneMatch(l -> l.partId().equals(waiting.getPartId()))) {
        throw DomainException.InvalidInput.field("workOrderLineId", "the transfer carries no part of this line");
      }
    }
    Transfer transfer = new Transfer(Tenancy.current(), fromShopId, toShopId, workOrderLineId, caller.userId(), key,
        hash);
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      parts.requireField(line.partId(), "lines[" + i + "].partId");
      if (!seen.add(line.partId())) {
        throw DomainException.InvalidInput.field("lines[" + i + "].partId", "names a part twice");
      }
      transfer.addLine(line.partId(), line.quantity());
    }
    transfers.add(transfer);
    transfers.flush();
    return new Result(transfer, false);
  }

  public Transfer get(UUID id) {
    return transfers.require(id);
  }

  public Page<Transfer> list(Id<Shop> shop, PageRequest page) {
    shops.require(shop.value());
    return Page.of(transfers.ofShop(shop.value(), page), page.limit(), Transfer::getId);
  }

  /** Ships (the sending shop): each part leaves its stock at its average cost; 409 when not enough available. */
  public Transfer ship(Caller caller, UUID id, long expectedVersion) {
    Transfer transfer = transfers.requireForUpdate(id);
    caller.requireIn(Capability.HANDLE_STOCK, transfer.getFromShopId(), "ship its transfers");
    transfer.requireVersion(expectedVersion, "transfer");
    transfer.shipped();
    for (TransferLine line : transfer.getLines()) {
      Stock stock = stocks.lock(transfer.getFromShopId(), line.getPartId());
      line.shippedAt(stock.getAverageCost());
      stocks.book(stock.ship(line.getQuantity(), new Stock.Ref("transfer", transfer.getId())));
    }
    transfers.flush();
    return transfer;
  }

  /**
   * Books a delivery at the receiving shop, exactly once per Idempotency-Key. {@code complete}: nothing more
   * will come; what is still in transit becomes the discrepancy, with its reason.
   */
  public Result receive(Caller caller, UUID id, List<Received> received, boolean complete, String reason,
                        String idempotencyKeyHeader) {
    String key = IdempotentRequests.requireKey(idempotencyKeyHeader, "receipts");
    Transfer transfer = transfers.requireForUpdate(id);
    caller.requireIn(Capability.HANDLE_STOCK, transfer.getToShopId(), "receive its transfers");
    String canonical = id + "|" + complete + "|" + (reason == null ? "" : reason.trim()) + "|"
        + received.stream().map(r -> r.lineId() + "=" + Quantities.text(r.quantity())).collect(Collectors.joining(","));
    String hash = IdempotentRequests.hash(canonical);
    if (idempotent.earlier(TransferReceipt.class, key, hash, "receipt").isPresent()) {
      return new Result(transfer, true);
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < received.size(); i++) {
      Received r = received.get(i);
      if (!seen.add(r.lineId())) {
        throw DomainException.InvalidInput.field("lines[" + i + "].lineId", "names a line twice");
      }
      TransferLine line = transfer.receive(r.lineId(), r.quantity(), "lines[" + i + "]");
      if (r.quantity().signum() > 0) {
        ledger.receive(transfer.getToShopId(), line.getPartId(), r.quantity(), line.getUnitCost(),
            StockMovement.Kind.TRANSFER_IN, new Stock.Ref("transfer", transfer.getId()), transfer.getWorkOrderLineId());
      }
    }
    transfer.afterReceipt(complete, reason);
    transfers.add(new TransferReceipt(Tenancy.current(), transfer.getId(), caller.userId(), canonical, key, hash));
    transfers.flush();
    return new Result(transfer, false);
  }

  /** Cancels a transfer that has not left the sending shop (someone handling stock in either shop). */
  public Transfer cancel(Caller caller, UUID id, long expectedVersion) {
    Transfer transfer = transfers.requireForUpdate(id);
    if (!caller.mayIn(Capability.HANDLE_STOCK, transfer.getFromShopId())) {
      caller.requireIn(Capability.HANDLE_STOCK, transfer.getToShopId(), "cancel its transfers");
    }
    transfer.requireVersion(expectedVersion, "transfer");
    transfer.cancel();
    transfers.flush();
    return transfer;
  }
}
