package dev.mechanics.timeclock;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One clock event a device sent under its Idempotency-Key, and the entry it started or stopped. */
@Entity
@Table(name = "clock_events")
public class ClockEvent extends TenantOwnedEntity implements IdempotentRequests.Keyed {

  /** What a technician pressed. */
  public enum Action { SHIFT_IN, SHIFT_OUT, JOB_ON, JOB_OFF }

  @Column(name = "entry_id", nullable = false, updatable = false)
  private UUID entryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12, updatable = false)
  private Action action;

  @Column(name = "technician_id", nullable = false, updatable = false)
  private UUID technicianId;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
  private String requestHash;

  protected ClockEvent() {
  }

  public ClockEvent(UUID organizationId, UUID entryId, Action action, UUID technicianId, String idempotencyKey,
                    String requestHash) {
    super(organizationId);
    this.entryId = entryId;
    this.action = action;
    this.technicianId = technicianId;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
  }

  public UUID getEntryId() {
    return entryId;
  }

  @Override
  public String getRequestHash() {
    return requestHash;
  }
}
