package dev.mechanics.workorder;

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

/** One line of a canned job, as it will be written into a work order (labor rate null: the shop's rate). */
@Entity
@Table(name = "canned_job_lines")
public class CannedJobLine extends TenantOwnedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "canned_job_id", nullable = false, updatable = false)
  private CannedJob cannedJob;

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

  @Column(name = "part_number", length = 60)
  private String partNumber;

  @Column(precision = 10, scale = 3)
  private BigDecimal quantity;

  @Column(name = "unit_cost", precision = 14, scale = 2)
  private BigDecimal unitCost;

  @Column(name = "unit_price", precision = 14, scale = 2)
  private BigDecimal unitPrice;

  @Column(nullable = false)
  private boolean taxable;

  protected CannedJobLine() {
  }

  CannedJobLine(CannedJob job, int position, LineDetails d) {
    super(job.getOrganizationId());
    // a labor line without its own rate is priced with the shop's when applied, and checked again then
    d.requireStorableAmounts(Money.ZERO);
    this.cannedJob = job;
    this.position = position;
    this.type = d.type();
    this.description = d.description();
    this.hours = d.hours();
    this.rate = d.rate() == null ? null : d.rate().amount();
    this.partNumber = d.partNumber();
    this.quantity = d.quantity() == null ? null : d.quantity().setScale(3, RoundingMode.UNNECESSARY);
    this.unitCost = d.unitCost() == null ? null : d.unitCost().amount();
    this.unitPrice = d.unitPrice() == null ? null : d.unitPrice().amount();
    this.taxable = d.taxable();
  }

  public LineDetails details() {
    return new LineDetails(type, description, hours, rate == null ? null : new Money(rate), null, partNumber,
        quantity, unitCost == null ? null : new Money(unitCost), unitPrice == null ? null : new Money(unitPrice),
        taxable);
  }
}
