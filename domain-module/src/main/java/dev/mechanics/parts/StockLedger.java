package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Books stock changes: locks the (shop, part) row, lets {@link Stock} change its figures, and stores the
 * movement. Goods that arrive go first to the part lines of the shop that wait for them (on order).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

  @Inject
  Stocks stocks;

  @Inject
  PartReservations reservations;

  @Inject
  Parts parts;

  /** Holds {@code wanted} more for a line: reserved when available, else on order (backorders) or 409. */
  public void holdMore(PartReservation reservation, BigDecimal wanted) {
    Stock stock = stocks.lock(reservation.getShopId(), reservation.getPartId());
    StockMovement movement = stock.reserve(wanted, parts.allowsBackorders(reservation.getShopId()),
        new Stock.Ref("work-order", reservation.getWorkOrderId()));
    stocks.book(movement);
    reservation.hold(reservation.getReserved().add(movement.getReservedDelta()),
        reservation.getOnOrder().add(wanted.subtract(movement.getReservedDelta())));
  }

  /** Lets go of {@code quantity} of a line: what is on order first, then what is reserved. */
  public void holdLess(PartReservation reservation, BigDecimal quantity) {
    BigDecimal fromOrder = quantity.min(reservation.getOnOrder());
    BigDecimal fromShelf = quantity.subtract(fromOrder);
    if (fromShelf.signum() > 0) {
      Stock stock = stocks.lock(reservation.getShopId(), reservation.getPartId());
      stocks.book(stock.release(fromShelf, new Stock.Ref("work-order", reservation.getWorkOrderId())));
    }
    reservation.hold(reservation.getReserved().subtract(fromShelf), reservation.getOnOrder().subtract(fromOrder));
  }

  /** The reserved quantity leaves the shop; answers the average unit cost it left at. */
  public BigDecimal consume(PartReservation reservation) {
    Stock stock = stocks.lock(reservation.getShopId(), reservation.getPartId());
    BigDecimal cost = stock.getAverageCost();
    if (reservation.getReserved().signum() > 0) {
      BigDecimal quantity = reservation.getReserved();
      stocks.book(stock.consume(quantity, new Stock.Ref("work-order", reservation.getWorkOrderId())));
      reservation.consumed(quantity);
    }
    return cost;
  }

  /** Goods arrive in a shop (purchase order, transfer) at a unit cost; waiting lines are filled, oldest first. */
  public Stock receive(UUID shopId, UUID partId, BigDecimal quantity, BigDecimal unitCost, StockMovement.Kind kind,
                       Stock.Ref ref) {
    return receive(shopId, partId, quantity, unitCost, kind, ref, null);
  }

  /** As {@link #receive}, filling the line {@code forLine} (a transfer asked for it) before the others. */
  public Stock receive(UUID shopId, UUID partId, BigDecimal quantity, BigDecimal unitCost, StockMovement.Kind kind,
                       Stock.Ref ref, UUID forLine) {
    Stock stock = stocks.lock(shopId, partId);
    stocks.book(stock.receive(quantity, unitCost, kind, ref));
    java.util.List<PartReservation> waitingLines = new java.util.ArrayList<>(reservations.waitingFor(shopId, partId));
    waitingLines.sort(java.util.Comparator.comparing((PartReservation r) -> !r.getLineId().equals(forLine)));
    for (PartReservation waiting : waitingLines) {
      BigDecimal take = waiting.getOnOrder().min(stock.available());
      if (take.signum() <= 0) {
        break;
      }
      stocks.book(stock.reserve(take, false, new Stock.Ref("work-order", waiting.getWorkOrderId())));
      waiting.hold(waiting.getReserved().add(take), waiting.getOnOrder().subtract(take));
    }
    return stock;
  }
}
