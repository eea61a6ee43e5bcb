package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** One line of a work order. Its amount is computed (and rounded half-even) once, when it is written. */
@Entity
@Table(name = "work_order_lines")
public class WorkOrderLine extends TenantOwnedEntity implements BillableLine {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "work_order_id", nullable = false, updatable = false)
  private WorkOrder workOrder;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LineType type;

  @Column(nullable = false, length = 500)
  private String description;

  @Column(precision = 8, scale = 2)
  private BigDecimal hours;

  @Column(precision = 14, scale = 2)
  private BigDecimal rate;

  @Column(name = "technician_id")
  private UUID technicianId;

  @Column(name = "part_number", length = 60)
  private String partNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "part_condition", length = 16)
  private PartCondition condition;

  @Column(nullable = false, precision = 10, scale = 3)
  private BigDecimal quantity;

  @Column(name = "unit_cost", precision = 14, scale = 2)
  private BigDecimal unitCost;

  @Column(name = "unit_price", nullable = false, precision = 14, scale = 2)
  private BigDecimal unitPrice;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false)
  private boolean taxable;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LineApproval approval;

  /** Warranty work of a comeback: no charge to the customer (amount zero), the cost kept (ADR 0053). */
  @Column(nullable = false)
  private boolean warranty;

  protected WorkOrderLine() {
  }

  WorkOrderLine(WorkOrder workOrder, int position, LineDetails details, Money shopLaborRate) {
    super(workOrder.getOrganizationId());
    this.workOrder = workOrder;
    this.position = position;
    apply(details, shopLaborRate);
  }

  /** Rewrites the line; whatever the customer approved before no longer covers it. */
  void apply(LineDetails d, Money shopLaborRate) {
    d.requireComplete();
    d.requireStorableAmounts(shopLaborRate);
    this.type = d.type();
    this.description = d.description();
    this.technicianId = d.technicianId();
    this.taxable = d.taxable();
    this.approval = LineApproval.PENDING;
    switch (d.type()) {
      case LABOR -> {
        Money laborRate = d.rate() == null ? shopLaborRate : d.rate();
        this.hours = d.hours();
        this.rate = laborRate.amount();
        this.quantity = BigDecimal.ONE.setScale(3);
        this.unitPrice = laborRate.amount();
        this.unitCost = null;
        this.partNumber = null;
        this.condition = null;
        this.amount = LineAmounts.labor(d.hours(), laborRate).amount();
      }
      case PART, FEE, DISCOUNT -> {
        BigDecimal qty = d.quantity() == null ? BigDecimal.ONE : d.quantity();
        this.hours = null;
        this.rate = null;
        this.quantity = qty.setScale(3, RoundingMode.UNNECESSARY);
        this.unitPrice = d.unitPrice().amount();
        this.unitCost = d.unitCost() == null ? null : d.unitCost().amount();
        this.partNumber = d.type() == LineType.PART ? d.partNumber() : null;
        this.condition = d.type() == LineType.PART ? d.condition() : null;
        this.amount = LineAmounts.priced(d.type(), qty, d.unitPrice()).amount();
      }
      default -> throw new IllegalStateException();
    }
    if (warranty) {
      this.amount = BigDecimal.ZERO.setScale(2);
    }
  }

  /** Books the line as warranty (charged nothing, cost kept) or back as charged at its price. */
  void bookAsWarranty(boolean warranty) {
    if (warranty && type == LineType.DISCOUNT) {
      throw DomainException.InvalidInput.field("warranty", "a discount is not work: it cannot be warranty");
    }
    this.warranty = warranty;
    if (warranty) {
      this.amount = BigDecimal.ZERO.setScale(2);
    } else if (type == LineType.LABOR) {
      this.amount = LineAmounts.labor(hours, Money.rounded(rate)).amount();
    } else {
      this.amount = LineAmounts.priced(type, quantity, Money.rounded(unitPrice)).amount();
    }
  }

  public boolean isWarranty() {
    return warranty;
  }

  /** The cost of goods of a part taken from stock: its average cost when it left the shop. */
  public void costOfGoods(java.math.BigDecimal averageUnitCost) {
    this.unitCost = averageUnitCost.setScale(2, RoundingMode.HALF_EVEN);
  }

  void decide(LineApproval decision) {
    this.approval = decision;
  }

  public WorkOrder getWorkOrder() {
    return workOrder;
  }

  public int getPosition() {
    return position;
  }

  @Override
  public LineType getType() {
    return type;
  }

  public String getDescription() {
    return description;
  }

  public BigDecimal getHours() {
    return hours;
  }

  public BigDecimal getRate() {
    return rate;
  }

  public UUID getTechnicianId() {
    return technicianId;
  }

  public String getPartNumber() {
    return partNumber;
  }

  /** A part's condition; null when not stated and on other lines. */
  public PartCondition getCondition() {
    return condition;
  }

  @Override
  public BigDecimal getQuantity() {
    return quantity;
  }

  @Override
  public BigDecimal getUnitCost() {
    return unitCost;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }

  @Override
  public Money getAmount() {
    return new Money(amount);
  }

  @Override
  public boolean isTaxable() {
    return taxable;
  }

  @Override
  public LineApproval getApproval() {
    return approval;
  }
}
