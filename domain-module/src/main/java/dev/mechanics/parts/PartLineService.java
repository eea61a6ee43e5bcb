package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.workorder.EstimateLineService;
import dev.mechanics.workorder.LineDetails;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.PartLineChanged;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderInvoicing;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.WorkOrderService;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Work-order part lines taken from the catalogue: adding one reserves the part in the work order's shop, changing
 * its quantity or removing it releases, invoicing consumes (the line's cost becomes the average cost).
 */
@ApplicationScoped
@Transactional
public class PartLineService {

  @Inject
  EstimateLineService estimateLines;

  @Inject
  WorkOrders workOrders;

  @Inject
  WorkOrderService workOrderService;

  @Inject
  Parts parts;

  @Inject
  Stocks stocks;

  @Inject
  PartReservations reservations;

  @Inject
  StockLedger ledger;

  /** The new line and what it holds. */
  public record PartLine(WorkOrderLine line, PartReservation reservation) {
  }

  /**
   * Adds a part line priced from the catalogue (its own price or the matrix's; cost: the shop's average cost,
   * else the catalogue cost) and reserves the quantity in the work order's shop: 409 when not enough is
   * available and the shop allows no backorders (nothing is added then).
   */
  public PartLine add(Id<WorkOrder> id, UUID partId, BigDecimal quantity, String description) {
    WorkOrder workOrder = workOrders.require(id.value());
    Part part = parts.requireField(partId, "partId");
    BigDecimal averageCost = stocks.averageCost(workOrder.getShopId(), partId);
    Money cost = averageCost.signum() > 0 ? PriceMatrix.cents(averageCost) : part.getUnitCost();
    String text = description == null || description.isBlank()
        ? (part.getBrand() == null ? "" : part.getBrand() + " ") + part.getDescription() : description.trim();
    LineDetails details = new LineDetails(LineType.PART, text.length() > 500 ? text.substring(0, 500) : text, null,
        null, null, part.getPartNumber(), quantity, cost, part.priceWith(parts.matrix()),
        !"EXEMPT".equalsIgnoreCase(part.getTaxCategory()));
    WorkOrderLine line = estimateLines.addLine(id, details);
    PartReservation reservation = new PartReservation(Tenancy.current(), workOrder.getShopId(), partId,
        workOrder.getId(), line.getId());
    ledger.holdMore(reservation, quantity);
    reservations.add(reservation);
    if (part.getCoreCharge() != null && part.getCoreCharge().amount().signum() > 0) {
      estimateLines.addLine(id, new LineDetails(LineType.FEE, "Core charge " + part.getPartNumber(), null, null,
          null, null, quantity, null, part.getCoreCharge(), true));
    }
    return new PartLine(line, reservation);
  }

  /** The catalogue part lines of a work order the caller may see, with what each holds. */
  public List<PartReservation> of(Caller caller, Id<WorkOrder> id) {
    workOrderService.get(caller, id);
    return reservations.ofWorkOrder(id.value());
  }

  void lineChanged(@Observes PartLineChanged change) {
    reservations.ofLine(change.lineId()).ifPresent(reservation -> {
      BigDecimal wanted = change.quantity() == null ? BigDecimal.ZERO : change.quantity();
      BigDecimal difference = wanted.subtract(reservation.held());
      if (difference.signum() > 0) {
        ledger.holdMore(reservation, difference);
      } else if (difference.signum() < 0) {
        ledger.holdLess(reservation, difference.negate());
      }
      if (change.quantity() == null) {
        reservations.remove(reservation);
      }
    });
  }

  void invoicing(@Observes WorkOrderInvoicing event) {
    WorkOrder workOrder = event.workOrder();
    // stock rows in one order (by part), so two invoicings sharing parts never wait for each other (ADR 0050)
    List<PartReservation> held = new ArrayList<>(reservations.ofWorkOrder(workOrder.getId()));
    held.sort(Comparator.comparing(PartReservation::getPartId));
    for (PartReservation reservation : held) {
      if (reservation.getOnOrder().signum() > 0) {
        throw new DomainException.Conflict("A part line of this work order is still on order ("
            + Quantities.text(reservation.getOnOrder()) + " missing); receive or remove it before invoicing");
      }
      BigDecimal averageCost = ledger.consume(reservation);
      if (averageCost.signum() > 0) {
        workOrder.line(reservation.getLineId()).costOfGoods(averageCost);
      }
    }
  }
}
