package dev.mechanics.parts;

import dev.mechanics.platform.IdempotentRequests;
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

/**
 * Parts moving from one shop of the organization to another: requested, shipped (in transit, visible to both),
 * received in full or in part (a shortfall closed with a reason is a discrepancy), or cancelled before shipping.
 */
@Entity
@Table(name = "transfers")
public class Transfer extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  public enum Status {
    REQUESTED, SHIPPED, PARTLY_RECEIVED, RECEIVED, CANCELLED
  }

  @Column(name = "from_shop_id", nullable = false, updatable = false)
  private UUID fromShopId;

  @Column(name = "to_shop_id", nullable = false, updatable = false)
  private UUID toShopId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "work_order_line_id", updatable = false)
  private UUID workOrderLineId;

  @Column(name = "discrepancy_reason", length = 500)
  private String discrepancyReason;

  @Column(name = "requested_by", updatable = false)
  private UUID requestedBy;

  @Column(name = "idempotency_key", nullable = false, length = 200, updatable = false)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
  private String requestHash;

  // eager: the API answers the lines after the transaction ends (a handful per transfer)
  @OneToMany(mappedBy = "transfer", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<TransferLine> lines = new ArrayList<>();

  protected Transfer() {
  }

  Transfer(UUID organizationId, UUID fromShopId, UUID toShopId, UUID workOrderLineId, UUID requestedBy,
           String idempotencyKey, String requestHash) {
    super(organizationId);
    this.fromShopId = fromShopId;
    this.toShopId = toShopId;
    this.workOrderLineId = workOrderLineId;
    this.requestedBy = requestedBy;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.status = Status.REQUESTED;
  }

  void addLine(UUID partId, BigDecimal quantity) {
    lines.add(new TransferLine(this, lines.size() + 1, partId, quantity));
  }

  void shipped() {
    if (status != Status.REQUESTED) {
      throw new DomainException.Conflict("Only a requested transfer can be shipped; this one is " + status);
    }
    status = Status.SHIPPED;
  }

  void cancel() {
    if (status != Status.REQUESTED) {
      throw new DomainException.Conflict("A transfer can be cancelled only before it is shipped; this one is "
          + status);
    }
    status = Status.CANCELLED;
  }

  TransferLine receive(UUID lineId, BigDecimal quantity, String field) {
    if (status != Status.SHIPPED && status != Status.PARTLY_RECEIVED) {
      throw new DomainException.Conflict("Only a shipped transfer can be received; this one is " + status);
    }
    TransferLine line = lines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
        .orElseThrow(() -> DomainException.InvalidInput.field(field, "no such line on this transfer"));
    if (quantity.compareTo(line.inTransit()) > 0) {
      throw DomainException.InvalidInput.field(field, "only " + Quantities.text(line.inTransit())
          + " in transit on this line");
    }
    line.received(quantity);
    return line;
  }

  /** After a receipt: closed ({@code complete}) with whatever is still in transit written off as missing. */
  void afterReceipt(boolean complete, String reason) {
    boolean shortfall = lines.stream().anyMatch(l -> l.inTransit().signum() > 0);
    if (complete && shortfall) {
      if (reason == null || reason.isBlank()) {
        throw DomainException.InvalidInput.field("discrepancyReason", "a receipt that closes the transfer short "
            + "needs the reason for the discrepancy");
      }
      lines.forEach(TransferLine::writeOffInTransit);
      discrepancyReason = reason.trim();
      status = Status.RECEIVED;
    } else {
      status = shortfall ? Status.PARTLY_RECEIVED : Status.RECEIVED;
    }
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }

  public UUID getFromShopId() {
    return fromShopId;
  }

  public UUID getToShopId() {
    return toShopId;
  }

  public Status getStatus() {
    return status;
  }

  public UUID getWorkOrderLineId() {
    return workOrderLineId;
  }

  public String getDiscrepancyReason() {
    return discrepancyReason;
  }

  public List<TransferLine> getLines() {
    return lines;
  }
}
