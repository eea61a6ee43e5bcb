package dev.mechanics.workorder;

import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * JSON shapes of work orders. Money is a decimal string; a technician's view has no costs or margins (null
 * fields are left out of the JSON).
 */
public final class WorkOrderViews {

  private WorkOrderViews() {
  }

  /** The work order as {@code caller} may see it, with its version as the ETag. */
  static Response ok(WorkOrder workOrder, Totals totals, Caller caller) {
    return Response.ok(WorkOrderView.of(workOrder, totals, seesCosts(caller)))
        .tag(Versions.etag(workOrder.getVersion())).build();
  }

  /** 201 with the work order as {@code caller} may see it. */
  static Response created(URI location, WorkOrder workOrder, Totals totals, Caller caller) {
    return Response.created(location).entity(WorkOrderView.of(workOrder, totals, seesCosts(caller)))
        .tag(Versions.etag(workOrder.getVersion())).build();
  }

  /** Costs and margins are shown only to those who may see them (a technician never does). */
  public static boolean seesCosts(Caller caller) {
    return caller.may(Capability.SEE_COSTS);
  }

  public record LineView(UUID id, int position, LineType type, String description, BigDecimal hours, String rate,
                         UUID technicianId, String partNumber, BigDecimal quantity, String unitCost,
                         String unitPrice, String amount, boolean taxable, LineApproval approval,
                         PartCondition condition, boolean warranty) {
    static LineView of(WorkOrderLine l, boolean costs) {
      return new LineView(l.getId(), l.getPosition(), l.getType(), l.getDescription(), l.getHours(),
          str(l.getRate()), l.getTechnicianId(), l.getPartNumber(), l.getQuantity(),
          costs ? str(l.getUnitCost()) : null, str(l.getUnitPrice()), l.getAmount().toString(), l.isTaxable(),
          l.getApproval(), l.getCondition(), l.isWarranty());
    }
  }

  public record TaxView(String name, BigDecimal rate, String amount) {
  }

  public record TotalsView(String subtotal, List<TaxView> taxes, String taxTotal, String total, String cost,
                           String grossProfit) {
    static TotalsView of(Totals t, boolean costs) {
      return new TotalsView(t.subtotal().toString(),
          t.taxes().stream().map(x -> new TaxView(x.name(), x.rate(), x.amount().toString())).toList(),
          t.taxTotal().toString(), t.total().toString(), costs ? t.cost().toString() : null,
          costs ? t.grossProfit().toString() : null);
    }
  }

  public record WorkOrderView(UUID id, String number, UUID shopId, UUID customerId, UUID vehicleId,
                              WorkOrderKind kind, String status, Instant statusSince, Integer mileageIn,
                              String complaint, String cause, String correction, List<UUID> technicianIds,
                              Instant promisedAt, List<LineView> lines, TotalsView totals, long version,
                              Integer mileageOut) {
    static WorkOrderView of(WorkOrder w, Totals totals, boolean costs) {
      return new WorkOrderView(w.getId(), w.getNumber(), w.getShopId(), w.getCustomerId(), w.getVehicleId(),
          w.getKind(), w.getStatus(), w.getStatusSince(), w.getMileageIn(), w.getComplaint(), w.getCause(),
          w.getCorrection(), w.getTechnicianIds(), w.getPromisedAt(),
          w.getLines().stream().map(l -> LineView.of(l, costs)).toList(), TotalsView.of(totals, costs),
          w.getVersion(), w.getMileageOut());
    }
  }

  public record BoardCard(UUID id, String number, WorkOrderKind kind, String status, Instant statusSince,
                          String customerName, String vehicle, int lineCount, String total, Instant promisedAt,
                          List<UUID> technicianIds) {
    static BoardCard of(BoardService.BoardEntry e) {
      WorkOrders.BoardRow c = e.card();
      String vehicle = c.vin() == null ? null : String.join(" ", Stream.of(c.vehicleYear(), c.vehicleMake(),
          c.vehicleModel(), "(" + c.vin() + ")").filter(Objects::nonNull).map(Object::toString).toList());
      // both names are required columns: null only when the customer is gone
      String customer = c.customerLastName() == null ? null : c.customerFirstName() + " " + c.customerLastName();
      return new BoardCard(c.id(), c.number(), c.kind(), c.status(), c.statusSince(), customer, vehicle,
          c.lineCount(), e.total().toString(), c.promisedAt(), c.technicianIds());
    }
  }

  private static String str(BigDecimal value) {
    return value == null ? null : new Money(value).toString();
  }
}
