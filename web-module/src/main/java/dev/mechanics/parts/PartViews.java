package dev.mechanics.parts;

import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of parts and stock. Money and quantities are decimal strings; costs (unit cost, average cost) are
 * shown only to callers who see costs ({@code SEE_COSTS}), as on work orders.
 */
public final class PartViews {

  private PartViews() {
  }

  static boolean seesCosts(Caller caller) {
    return caller.may(Capability.SEE_COSTS);
  }

  static String money(Money m) {
    return m == null ? null : m.toString();
  }

  static String cost(BigDecimal averageCost) {
    return averageCost == null ? null : averageCost.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  @Schema(name = "StockView", description = "One part in one shop. `available` = `onHand` - `reserved`.")
  public record StockView(UUID shopId, UUID partId, String bin, String onHand, String reserved, String available,
                   String reorderPoint, String reorderQuantity, boolean low, String averageCost, long version) {
    static StockView of(Stock s, boolean costs) {
      return new StockView(s.getShopId(), s.getPartId(), s.getBin(), Quantities.text(s.getOnHand()),
          Quantities.text(s.getReserved()), Quantities.text(s.available()), Quantities.text(s.getReorderPoint()),
          Quantities.text(s.getReorderQuantity()), s.isLow(), costs ? cost(s.getAverageCost()) : null,
          s.getVersion());
    }
  }

  @Schema(name = "StockList")
  public record StockList(List<StockView> items, String next) {
  }

  @Schema(name = "PartView", description = "A catalogue part with its selling price (its own, else the pricing "
      + "matrix's) and its stock in every shop that holds it.")
  public record PartView(UUID id, String partNumber, String brand, String description, String vendor, String unitCost,
                  String sellingPrice, String price, String taxCategory, String coreCharge, List<StockView> stock,
                  long version) {
    static PartView of(PartService.PartWithStock p, boolean costs) {
      Part part = p.part();
      return new PartView(part.getId(), part.getPartNumber(), part.getBrand(), part.getDescription(),
          part.getVendor(), costs ? money(part.getUnitCost()) : null, money(part.getSellingPrice()),
          money(p.price()), part.getTaxCategory(), money(part.getCoreCharge()),
          p.stock().stream().map(s -> StockView.of(s, costs)).toList(), part.getVersion());
    }
  }

  @Schema(name = "PartList")
  public record PartList(List<PartView> items, String next) {
  }

  @Schema(name = "StockMovementView", description = "One change of the stock: on hand and reserved move by "
      + "their deltas; `kind` RESERVED, RELEASED, CONSUMED, RECEIVED, ADJUSTED, TRANSFER_OUT or TRANSFER_IN.")
  public record MovementView(UUID id, String kind, String onHandDelta, String reservedDelta, String unitCost,
                      String reason, String referenceType, UUID referenceId, UUID createdBy, Instant createdAt) {
    static MovementView of(StockMovement m) {
      return new MovementView(m.getId(), m.getKind().name(), Quantities.text(m.getOnHandDelta()),
          Quantities.text(m.getReservedDelta()), cost(m.getUnitCost()), m.getReason(), m.getReferenceType(),
          m.getReferenceId(), m.getCreatedBy(), m.getCreatedAt());
    }
  }

  @Schema(name = "StockMovementList")
  public record MovementList(List<MovementView> items, String next) {
  }

  @Schema(name = "PartReservationView", description = "What a catalogue part line holds in its shop: `reserved` "
      + "(kept on the shelf), `onOrder` (wanted beyond what was available; the line shows it is on order), "
      + "`consumed` (left the shop on the invoice).")
  public record ReservationView(UUID lineId, UUID partId, UUID shopId, String reserved, String onOrder, String consumed,
                         boolean backordered) {
    static ReservationView of(PartReservation r) {
      return new ReservationView(r.getLineId(), r.getPartId(), r.getShopId(), Quantities.text(r.getReserved()),
          Quantities.text(r.getOnOrder()), Quantities.text(r.getConsumed()), r.getOnOrder().signum() > 0);
    }
  }

  @Schema(name = "PartReservationList")
  public record ReservationList(List<ReservationView> items) {
  }

  @Schema(name = "PricingTierView")
  public record TierView(String upToCost, String markupPercent) {
  }

  @Schema(name = "PricingMatrixView", description = "Markup tiers by unit cost, the last without `upToCost`.")
  public record MatrixView(List<TierView> tiers, long version) {
    static MatrixView of(PartService.Matrix m) {
      return new MatrixView(m.matrix().tiers().stream().map(t -> new TierView(money(t.upToCost()),
          t.markupPercent().stripTrailingZeros().toPlainString())).toList(), m.version());
    }
  }

  @Schema(name = "InventorySettingsView")
  public record SettingsView(UUID shopId, boolean allowBackorders, long version) {
    static SettingsView of(InventorySettings s) {
      return new SettingsView(s.getShopId(), s.allowsBackorders(), s.getVersion());
    }
  }
}
