package dev.mechanics.parts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One delivery of a transfer at the receiving shop. */
@Entity
@Table(name = "transfer_receipts")
public class TransferReceipt extends Receipt {

  @Column(name = "transfer_id", nullable = false, updatable = false)
  private UUID transferId;

  protected TransferReceipt() {
  }

  TransferReceipt(UUID organizationId, UUID transferId, UUID receivedBy, String lines, String key, String hash) {
    super(organizationId, receivedBy, lines, key, hash);
    this.transferId = transferId;
  }
}
