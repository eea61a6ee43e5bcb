package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One point of the digital inspection: what was checked, green/yellow/red, and the technician's note. */
@Entity
@Table(name = "inspection_items")
public class InspectionItem extends TenantOwnedEntity {

  /** Traffic-light condition of an inspected item. */
  public enum Condition { GREEN, YELLOW, RED }

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(length = 8)
  private Condition condition;

  @Column(length = 2000)
  private String notes;

  protected InspectionItem() {
  }

  InspectionItem(WorkOrder workOrder, int position, String name, Condition condition, String notes) {
    super(workOrder.getOrganizationId());
    this.workOrderId = workOrder.getId();
    this.position = position;
    this.name = name;
    this.condition = condition;
    this.notes = notes;
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public Condition getCondition() {
    return condition;
  }

  public String getNotes() {
    return notes;
  }
}
