package dev.mechanics.timeclock;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A stretch of a technician's time: SHIFT is attendance (clocked in to clocked out), JOB is time on one labor
 * line. {@code endedAt} null means it is still running; the database allows one running JOB and one open SHIFT
 * per technician.
 */
@Entity
@Table(name = "clock_entries")
public class ClockEntry extends TenantOwnedEntity {

  /** Attendance or time on a job. */
  public enum Kind { SHIFT, JOB }

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(name = "technician_id", nullable = false, updatable = false)
  private UUID technicianId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8, updatable = false)
  private Kind kind;

  @Column(name = "work_order_id", updatable = false)
  private UUID workOrderId;

  @Column(name = "line_id", updatable = false)
  private UUID lineId;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(nullable = false)
  private boolean corrected;

  protected ClockEntry() {
  }

  public ClockEntry(UUID organizationId, UUID shopId, UUID technicianId, Kind kind, UUID workOrderId, UUID lineId,
                    Instant startedAt) {
    super(organizationId);
    this.shopId = shopId;
    this.technicianId = technicianId;
    this.kind = kind;
    this.workOrderId = workOrderId;
    this.lineId = lineId;
    this.startedAt = startedAt;
  }

  public void stop(Instant at) {
    this.endedAt = at.isBefore(startedAt) ? startedAt : at;
  }

  /** A manager's correction: new times (the reason goes to the audit trail). */
  public void correct(Instant startedAt, Instant endedAt) {
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.corrected = true;
  }

  public boolean isRunning() {
    return endedAt == null;
  }

  public Duration duration(Instant now) {
    return Duration.between(startedAt, endedAt == null ? now : endedAt);
  }

  public UUID getShopId() {
    return shopId;
  }

  public UUID getTechnicianId() {
    return technicianId;
  }

  public Kind getKind() {
    return kind;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public UUID getLineId() {
    return lineId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public boolean isCorrected() {
    return corrected;
  }
}
