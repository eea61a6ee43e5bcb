package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One move on the board: who moved the car from which column to which, and when. */
@Entity
@Table(name = "work_order_status_changes")
public class StatusChange extends TenantOwnedEntity {

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "from_status", updatable = false, length = 40)
  private String fromStatus;

  @Column(name = "to_status", nullable = false, updatable = false, length = 40)
  private String toStatus;

  @Column(name = "changed_by", nullable = false, updatable = false)
  private UUID changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  protected StatusChange() {
  }

  StatusChange(WorkOrder workOrder, String from, String to, UUID by) {
    super(workOrder.getOrganizationId());
    this.workOrderId = workOrder.getId();
    this.fromStatus = from;
    this.toStatus = to;
    this.changedBy = by;
    this.changedAt = Instant.now();
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public String getFromStatus() {
    return fromStatus;
  }

  public String getToStatus() {
    return toStatus;
  }

  public UUID getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  /** Time spent in each status so far, from a history in order (the current status counts up to now). */
  public static Map<String, Duration> timeInStatus(List<StatusChange> history, Instant now) {
    Map<String, Duration> spent = new LinkedHashMap<>();
    for (int i = 0; i < history.size(); i++) {
      StatusChange change = history.get(i);
      Instant end = i + 1 < history.size() ? history.get(i + 1).getChangedAt() : now;
      spent.merge(change.getToStatus(), Duration.between(change.getChangedAt(), end), Duration::plus);
    }
    return spent;
  }
}
