package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An order to a vendor for one shop: draft, ordered, partly received, received, or cancelled. */
@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder extends TenantOwnedEntity {

  public enum Status {
    DRAFT, ORDERED, PARTLY_RECEIVED, RECEIVED, CANCELLED
  }

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false, length = 120)
  private String vendor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "cancel_reason", length = 500)
  private String cancelReason;

  @Column(name = "created_by", updatable = false)
  private UUID createdBy;

  // eager: the API answers the lines after the transaction ends (a handful per order)
  @OneToMany(mappedBy = "purchaseOrder", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<PurchaseOrderLine> lines = new ArrayList<>();

  protected PurchaseOrder() {
  }

  PurchaseOrder(UUID organizationId, UUID shopId, String vendor, UUID createdBy) {
    super(organizationId);
    this.shopId = shopId;
    this.vendor = vendor;
    this.status = Status.DRAFT;
    this.createdBy = createdBy;
  }

  void addLine(Part part, BigDecimal quantity, BigDecimal unitCost) {
    lines.add(new PurchaseOrderLine(this, lines.size() + 1, part.getId(), quantity, unitCost));
  }

  void order() {
    if (status != Status.DRAFT) {
      throw new DomainException.Conflict("Only a draft purchase order can be ordered; this one is " + status);
    }
    status = Status.ORDERED;
  }

  void cancel(String reason) {
    if (status != Status.DRAFT && status != Status.ORDERED) {
      throw new DomainException.Conflict("A purchase order can be cancelled only before anything is received; "
          + "this one is " + status);
    }
    status = Status.CANCELLED;
    cancelReason = reason;
  }

  /** Books {@code quantity} received on a line; 409 unless ordered, 422 beyond what is outstanding. */
  PurchaseOrderLine receive(UUID lineId, BigDecimal quantity, String field) {
    if (status != Status.ORDERED && status != Status.PARTLY_RECEIVED) {
      throw new DomainException.Conflict("Only an ordered purchase order can be received; this one is " + status);
    }
    PurchaseOrderLine line = lines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
        .orElseThrow(() -> DomainException.InvalidInput.field(field, "no such line on this purchase order"));
    if (quantity.compareTo(line.outstanding()) > 0) {
      throw DomainException.InvalidInput.field(field, "only " + Quantities.text(line.outstanding())
          + " outstanding on this line");
    }
    line.received(quantity);
    status = lines.stream().allMatch(l -> l.outstanding().signum() == 0) ? Status.RECEIVED : Status.PARTLY_RECEIVED;
    return line;
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getVendor() {
    return vendor;
  }

  public Status getStatus() {
    return status;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public List<PurchaseOrderLine> getLines() {
    return lines;
  }
}
