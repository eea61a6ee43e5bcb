package dev.mechanics.parts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of purchase orders and transfers; quantities and money as decimal strings. */
public final class OrderViews {

  private OrderViews() {
  }

  @Schema(name = "PurchaseOrderLineView")
  public record PurchaseOrderLineView(UUID id, int position, UUID partId, String ordered, String received,
                               String outstanding, String unitCost) {
  }

  @Schema(name = "PurchaseOrderView", description = "`status`: DRAFT, ORDERED, PARTLY_RECEIVED, RECEIVED or "
      + "CANCELLED.")
  public record PurchaseOrderView(UUID id, UUID shopId, String vendor, String status, String cancelReason,
                           List<PurchaseOrderLineView> lines, Instant createdAt, long version) {
    static PurchaseOrderView of(PurchaseOrder o) {
      return new PurchaseOrderView(o.getId(), o.getShopId(), o.getVendor(), o.getStatus().name(),
          o.getCancelReason(), o.getLines().stream().map(l -> new PurchaseOrderLineView(l.getId(), l.getPosition(),
              l.getPartId(), Quantities.text(l.getOrdered()), Quantities.text(l.getReceived()),
              Quantities.text(l.getOrdered().subtract(l.getReceived())),
              l.getUnitCost().toPlainString())).toList(), o.getCreatedAt(), o.getVersion());
    }
  }

  @Schema(name = "PurchaseOrderList")
  public record PurchaseOrderList(List<PurchaseOrderView> items, String next) {
  }

  @Schema(name = "ProposedOrderLineView")
  public record ProposedLineView(UUID partId, String partNumber, String description, String available,
                          String reorderPoint, String quantity, String unitCost) {
  }

  @Schema(name = "ProposedOrderView", description = "A purchase order the low-stock list proposes: one per vendor, "
      + "each low part at its reorder quantity and catalogue cost. `createPurchaseOrder` turns it into a draft.")
  public record ProposalView(String vendor, List<ProposedLineView> lines) {
    static ProposalView of(StockService.Proposal p) {
      return new ProposalView(p.vendor(), p.lines().stream().map(l -> new ProposedLineView(l.part().getId(),
          l.part().getPartNumber(), l.part().getDescription(), Quantities.text(l.stock().available()),
          Quantities.text(l.stock().getReorderPoint()), Quantities.text(l.quantity()),
          l.part().getUnitCost().toString())).toList());
    }
  }

  @Schema(name = "ProposedOrderList")
  public record ProposalList(List<ProposalView> items) {
  }

  @Schema(name = "TransferLineView", description = "`inTransit`: shipped and neither received nor missing; "
      + "`missing`: the discrepancy written off when the transfer was closed short.")
  public record TransferLineView(UUID id, int position, UUID partId, String quantity, String inTransit, String received,
                          String missing) {
  }

  @Schema(name = "TransferView", description = "`status`: REQUESTED, SHIPPED, PARTLY_RECEIVED, RECEIVED or "
      + "CANCELLED.")
  public record TransferView(UUID id, UUID fromShopId, UUID toShopId, String status, UUID workOrderLineId,
                      String inTransit, String missing, String discrepancyReason, List<TransferLineView> lines,
                      Instant createdAt, long version) {
    static TransferView of(Transfer t) {
      BigDecimal inTransit = t.getLines().stream().map(TransferLine::inTransit).reduce(BigDecimal.ZERO,
          BigDecimal::add);
      BigDecimal missing = t.getLines().stream().map(TransferLine::getMissing).reduce(BigDecimal.ZERO,
          BigDecimal::add);
      return new TransferView(t.getId(), t.getFromShopId(), t.getToShopId(), t.getStatus().name(),
          t.getWorkOrderLineId(), Quantities.text(inTransit), Quantities.text(missing), t.getDiscrepancyReason(),
          t.getLines().stream().map(l -> new TransferLineView(l.getId(), l.getPosition(), l.getPartId(),
              Quantities.text(l.getQuantity()), Quantities.text(l.inTransit()), Quantities.text(l.getReceived()),
              Quantities.text(l.getMissing()))).toList(), t.getCreatedAt(), t.getVersion());
    }
  }

  @Schema(name = "TransferList")
  public record TransferList(List<TransferView> items, String next) {
  }
}
