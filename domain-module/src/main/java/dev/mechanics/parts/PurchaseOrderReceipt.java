package dev.mechanics.parts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One delivery against a purchase order. */
@Entity
@Table(name = "purchase_order_receipts")
public class PurchaseOrderReceipt extends Receipt {

  @Column(name = "purchase_order_id", nullable = false, updatable = false)
  private UUID purchaseOrderId;

  protected PurchaseOrderReceipt() {
  }

  PurchaseOrderReceipt(UUID organizationId, UUID purchaseOrderId, UUID receivedBy, String lines, String key,
                       String hash) {
    super(organizationId, receivedBy, lines, key, hash);
    this.purchaseOrderId = purchaseOrderId;
  }
}
