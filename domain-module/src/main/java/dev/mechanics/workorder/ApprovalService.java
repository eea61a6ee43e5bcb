package dev.mechanics.workorder;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.tenancy.SystemTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Customer approval of an estimate's lines: through a signed, expiring, single-use link (public, so the
 * organization comes from the link, not from a token), or recorded by staff for phone and counter answers.
 */
@ApplicationScoped
public class ApprovalService {

  @Inject
  SystemTransactions system;

  @Inject
  Recorder recorder;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** What the customer sees: the work order with its lines, totals and the hash of both. */
  public record Shown(WorkOrder workOrder, Totals totals, String documentHash, ApprovalLink link) {
  }

  /**
   * The customer's approval page: what {@link Shown} shows, with the shop to call, the vehicle, the inspection
   * and its photos (image attachments) that justify the work.
   */
  public record ApprovalPage(Shown shown, Shop shop, Vehicle vehicle, List<InspectionItem> inspection,
                             List<Attachment> photos) {
  }

  /** The answers recorded; {@code shopId} for the metrics. */
  public record Recorded(UUID workOrderId, String workOrderNumber, UUID shopId, int approved, int declined) {
  }

  public ApprovalLink createLink(Id<WorkOrder> workOrderId, String email, Duration lifetime, UUID by) {
    return recorder.createLink(workOrderId.value(), email, lifetime, by);
  }

  /** Public: the estimate behind a link (whose signature the caller has verified). */
  public Shown show(UUID linkId) {
    return Tenancy.callAs(organizationOf(linkId), () -> recorder.show(linkId));
  }

  /** Public: the approval page behind a usable link (a used or expired one: 409 / 410 naming the shop). */
  public ApprovalPage page(UUID linkId) {
    return Tenancy.callAs(organizationOf(linkId), () -> recorder.page(linkId));
  }

  /** Public: a photo of the link's work order while the link is usable; any other attachment is 404. */
  public Attachment photo(UUID linkId, UUID attachmentId) {
    return Tenancy.callAs(organizationOf(linkId), () -> recorder.photo(linkId, attachmentId));
  }

  /** Public: the customer's answers through a link. */
  public Recorded decideByLink(UUID linkId, Map<UUID, Boolean> decisions, String shownHash, String approverName,
                               String clientAddress) {
    return Tenancy.callAs(organizationOf(linkId), () -> recorder.decide(null, linkId, decisions, shownHash,
        new LineDecision.Approval(approverName, ApprovalMethod.LINK, clientAddress, null)));
  }

  /** Staff record an answer given on the phone or at the counter (tenant bound by the request). */
  public Recorded decideForCustomer(Id<WorkOrder> workOrderId, Map<UUID, Boolean> decisions, String shownHash,
                                    LineDecision.Approval approval) {
    if (approval.method() == ApprovalMethod.LINK) {
      throw DomainException.InvalidInput.field("method", "answers through the link come from the link itself");
    }
    return recorder.decide(workOrderId.value(), null, decisions, shownHash, approval);
  }

  public List<LineDecision> decisions(Id<WorkOrder> workOrderId) {
    return recorder.decisions(workOrderId.value());
  }

  /** The organization of a link (whose signature the caller has verified); 404 for an unknown link. */
  public UUID organizationOfLink(UUID linkId) {
    return organizationOf(linkId);
  }

  private UUID organizationOf(UUID linkId) {
    return system.call(() -> em.createQuery("select l.organizationId from ApprovalLink l where l.id = :id",
            UUID.class).setParameter("id", linkId).getResultStream().findFirst())
        .orElseThrow(ApprovalLink::invalid);
  }

  /** The transactional part, entered after the organization is bound (Hibernate reads it when a session opens). */
  @ApplicationScoped
  @Transactional
  public static class Recorder {

    @Inject
    WorkOrders workOrders;

    @Inject
    WorkOrderService workOrderService;

    @Inject
    AuditTrail audit;

    @Inject
    Shops shops;

    @PersistenceContext(unitName = "mechanics")
    EntityManager em;

    ApprovalLink createLink(UUID workOrderId, String email, Duration lifetime, UUID by) {
      WorkOrder workOrder = workOrders.require(workOrderId);
      if (workOrder.getKind() == WorkOrderKind.INVOICED) {
        throw new DomainException.Conflict("Work order " + workOrder.getNumber() + " is already invoiced");
      }
      if (workOrder.getLines().isEmpty()) {
        throw new DomainException.Conflict("Work order " + workOrder.getNumber() + " has no lines to approve");
      }
      ApprovalLink link = new ApprovalLink(workOrder, email, Instant.now().plus(lifetime), by);
      em.persist(link);
      return link;
    }

    ApprovalPage page(UUID linkId) {
      Shown shown = show(linkId);
      WorkOrder workOrder = shown.workOrder();
      Vehicle vehicle = em.find(Vehicle.class, workOrder.getVehicleId());
      List<InspectionItem> inspection = em.createQuery(
              "select i from InspectionItem i where i.workOrderId = :wo order by i.position", InspectionItem.class)
          .setParameter("wo", workOrder.getId()).getResultList();
      return new ApprovalPage(shown, shops.require(workOrder.getShopId()), vehicle, inspection,
          photosOf(workOrder.getId()));
    }

    Attachment photo(UUID linkId, UUID attachmentId) {
      ApprovalLink link = link(linkId);
      WorkOrder workOrder = workOrders.require(link.getWorkOrderId());
      link.requireUsable(Instant.now(), contactOf(workOrder));
      return photosOf(workOrder.getId()).stream().filter(a -> a.getId().equals(attachmentId)).findFirst()
          .orElseThrow(() -> new DomainException.NotFound("photo", attachmentId));
    }

    private List<Attachment> photosOf(UUID workOrderId) {
      return em.createQuery("""
              select a from Attachment a where a.workOrderId = :wo and a.contentType like 'image/%'
              order by a.id""", Attachment.class).setParameter("wo", workOrderId).setMaxResults(100)
          .getResultList();
    }

    /** The estimate behind a usable link; a used or expired one shows nothing of it (409 / 410). */
    Shown show(UUID linkId) {
      ApprovalLink link = link(linkId);
      WorkOrder workOrder = workOrders.require(link.getWorkOrderId());
      link.requireUsable(Instant.now(), contactOf(workOrder));
      Totals totals = workOrderService.totalsOf(workOrder);
      return new Shown(workOrder, totals, ShownEstimate.hashOf(workOrder, totals), link);
    }

    Recorded decide(UUID workOrderId, UUID linkId, Map<UUID, Boolean> decisions, String shownHash,
                    LineDecision.Approval approval) {
      Instant now = Instant.now();
      ApprovalLink link = null;
      if (linkId != null) {
        link = em.createQuery("select l from ApprovalLink l where l.id = :id", ApprovalLink.class)
            .setParameter("id", linkId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
            .orElseThrow(ApprovalLink::invalid);
        workOrderId = link.getWorkOrderId();
        link.requireUsable(now, contactOf(workOrders.require(workOrderId)));
      }
      WorkOrder workOrder = workOrders.requireForUpdate(workOrderId);
      if (workOrder.getKind() == WorkOrderKind.INVOICED) {
        throw new DomainException.Conflict("Work order " + workOrder.getNumber() + " is already invoiced");
      }
      Totals totals = workOrderService.totalsOf(workOrder);
      String hash = ShownEstimate.hashOf(workOrder, totals);
      if (!hash.equals(shownHash)) {
        throw new DomainException.Conflict("The estimate changed after it was shown (or documentHash is not the "
            + "one shown); reload it and answer again");
      }
      Set<UUID> onThisOrder = new HashSet<>();
      workOrder.getLines().forEach(l -> onThisOrder.add(l.getId()));
      for (UUID lineId : decisions.keySet()) {
        if (!onThisOrder.contains(lineId)) {
          throw DomainException.InvalidInput.field("decisions", "line " + lineId + " is not on work order "
              + workOrder.getNumber());
        }
      }
      int approved = 0;
      int declined = 0;
      for (Map.Entry<UUID, Boolean> d : decisions.entrySet()) {
        WorkOrderLine line = workOrder.line(d.getKey());
        LineApproval decision = d.getValue() ? LineApproval.APPROVED : LineApproval.DECLINED;
        LineApproval before = line.getApproval();
        line.decide(decision);
        em.persist(new LineDecision(line, linkId, decision, approval, hash, now));
        // the approver's name is personal data: the audit trail masks it ("approverName")
        Map<String, String> after = new LinkedHashMap<>();
        after.put("lineId", line.getId().toString());
        after.put("approval", decision.name());
        after.put("method", approval.method().name());
        after.put("approverName", approval.approverName());
        after.put("documentHash", hash);
        if (linkId != null) {
          after.put("approvalLinkId", linkId.toString());
        }
        audit.record(d.getValue() ? "work-order.line-approved" : "work-order.line-declined", "work-order",
            workOrder.getId(), workOrder.getShopId(), Map.of("lineId", line.getId().toString(), "approval",
                before.name()), after);
        if (d.getValue()) {
          approved++;
        } else {
          declined++;
        }
      }
      if (link != null) {
        link.use(now);
      }
      workOrders.touch(workOrder, WorkOrderChange.APPROVAL);
      return new Recorded(workOrder.getId(), workOrder.getNumber(), workOrder.getShopId(), approved, declined);
    }

    List<LineDecision> decisions(UUID workOrderId) {
      workOrders.require(workOrderId);
      return em.createQuery("select d from LineDecision d where d.workOrderId = :wo order by d.decidedAt, d.id",
          LineDecision.class).setParameter("wo", workOrderId).getResultList();
    }

    private ApprovalLink link(UUID linkId) {
      return em.createQuery("select l from ApprovalLink l where l.id = :id", ApprovalLink.class)
          .setParameter("id", linkId).getResultStream().findFirst().orElseThrow(ApprovalLink::invalid);
    }

    /** The shop that sent the link: who the customer calls. */
    private DomainException.Contact contactOf(WorkOrder workOrder) {
      Shop shop = shops.require(workOrder.getShopId());
      return new DomainException.Contact(shop.getName(), shop.getPhone());
    }
  }
}
