package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer's answer to one line, kept as evidence: who, when, how, from which address, and the hash of the
 * exact lines and totals they were shown.
 */
@Entity
@Table(name = "line_decisions")
public class LineDecision extends TenantOwnedEntity {

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "line_id", nullable = false, updatable = false)
  private UUID lineId;

  @Column(name = "approval_link_id", updatable = false)
  private UUID approvalLinkId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private LineApproval decision;

  @Column(name = "approver_name", nullable = false, updatable = false, length = 200)
  private String approverName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private ApprovalMethod method;

  @Column(name = "client_address", updatable = false, length = 64)
  private String clientAddress;

  @Column(name = "document_hash", nullable = false, updatable = false, length = 64)
  private String documentHash;

  @Column(name = "line_amount", nullable = false, updatable = false, precision = 14, scale = 2)
  private BigDecimal lineAmount;

  @Column(name = "recorded_by", updatable = false)
  private UUID recordedBy;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  protected LineDecision() {
  }

  LineDecision(WorkOrderLine line, UUID linkId, LineApproval decision, Approval approval, String documentHash,
               Instant at) {
    super(line.getOrganizationId());
    this.workOrderId = line.getWorkOrder().getId();
    this.lineId = line.getId();
    this.approvalLinkId = linkId;
    this.decision = decision;
    this.approverName = approval.approverName();
    this.method = approval.method();
    this.clientAddress = approval.clientAddress();
    this.documentHash = documentHash;
    this.lineAmount = line.getAmount().amount();
    this.recordedBy = approval.recordedBy();
    this.decidedAt = at;
  }

  public UUID getLineId() {
    return lineId;
  }

  public LineApproval getDecision() {
    return decision;
  }

  public String getApproverName() {
    return approverName;
  }

  public ApprovalMethod getMethod() {
    return method;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getDocumentHash() {
    return documentHash;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public UUID getRecordedBy() {
    return recordedBy;
  }

  /** Who answered, how and from where; {@code recordedBy} is the staff member for phone/in-person answers. */
  public record Approval(String approverName, ApprovalMethod method, String clientAddress, UUID recordedBy) {
  }
}
