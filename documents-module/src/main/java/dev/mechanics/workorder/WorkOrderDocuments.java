package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Customers;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.documents.DocumentView;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.LineRows;
import dev.mechanics.platform.documents.Messages;
import dev.mechanics.platform.documents.RenderedDocument;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.Letterheads;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.tenancy.StaffMember;
import dev.mechanics.tenancy.StaffMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work order's documents: the estimate (what the customer is or was shown, each line with their answer)
 * and the repair order (the technician's copy, no prices). Who may have which is decided here and by the
 * routes: the estimate needs {@link Capability#EDIT_WORK} or the customer's approval link; the repair order
 * follows the work order (a technician: assigned work only), and shows the customer's contact data only to
 * those who may see it.
 */
@ApplicationScoped
@Transactional
public class WorkOrderDocuments {

  @Inject
  WorkOrderService workOrders;

  @Inject
  ApprovalService approvals;

  @Inject
  AttachmentService attachments;

  @Inject
  Shops shops;

  @Inject
  Customers customers;

  @Inject
  Vehicles vehicles;

  @Inject
  StaffMembers staff;

  @Inject
  Letterheads letterheads;

  /** The estimate for staff who write estimates (the route requires {@link Capability#EDIT_WORK}). */
  public RenderedDocument estimate(Id<WorkOrder> id, String language) {
    return estimateOf(workOrders.get(id), language);
  }

  /**
   * The estimate behind a customer's approval link. Public: the caller binds the link's organization
   * ({@code Tenancy.callAs(approvals.organizationOfLink(id), ...)}) before this transaction opens.
   */
  public RenderedDocument estimateForLink(UUID linkId, String language) {
    return estimateOf(approvals.show(linkId).workOrder(), language);
  }

  public RenderedDocument repairOrder(Caller caller, Id<WorkOrder> id, String language) {
    WorkOrder workOrder = workOrders.get(caller, id);
    Parts p = parts(workOrder, language, caller.may(Capability.SEE_CUSTOMER_CONTACT));
    Letterhead h = p.letterhead;
    Messages m = h.messages();
    List<DocumentView.Line> lines = new ArrayList<>();
    for (WorkOrderLine l : workOrder.getLines()) {
      if (l.getApproval() != LineApproval.DECLINED) {
        lines.add(LineRows.row(particulars(l, p.technicians, false), h.formats(), m, null, false));
      }
    }
    List<DocumentView.Inspection> inspection = new ArrayList<>();
    for (InspectionItem i : attachments.inspection(new Id<>(workOrder.getId()))) {
      inspection.add(new DocumentView.Inspection(i.getName(),
          i.getCondition() == null ? null : m.get("inspection." + i.getCondition().name()), i.getNotes()));
    }
    String title = m.get("doc.repairOrder");
    return render("repair-order", new DocumentView("repair-order", h.language(), title, workOrder.getNumber(),
        h.pageFooter(title, workOrder.getNumber()), h.accent(), h.block(), references(workOrder, h), p.customer,
        p.vehicle, work(workOrder), lines, false, List.of(), List.of(), inspection,
        List.of(m.get("note.repairOrder")), null, null, null), h);
  }

  private RenderedDocument estimateOf(WorkOrder workOrder, String language) {
    Parts p = parts(workOrder, language, true);
    Letterhead h = p.letterhead;
    Messages m = h.messages();
    Formats f = h.formats();
    Map<UUID, LineDecision> latest = new HashMap<>();
    approvals.decisions(new Id<>(workOrder.getId())).forEach(d -> latest.put(d.getLineId(), d));
    List<DocumentView.Line> lines = new ArrayList<>();
    boolean answered = false;
    for (WorkOrderLine l : workOrder.getLines()) {
      LineDecision d = l.getApproval() == LineApproval.PENDING ? null : latest.get(l.getId());
      String decision = d == null ? m.get("decision.PENDING") : m.get("decision." + d.getDecision().name(),
          d.getApproverName(), f.dateTime(d.getDecidedAt()), m.get("method." + d.getMethod().name()));
      answered |= d != null;
      lines.add(LineRows.row(particulars(l, p.technicians, true), f, m, decision,
          l.getApproval() == LineApproval.DECLINED));
    }
    Totals totals = workOrders.totalsOf(workOrder);
    List<DocumentView.Field> sums = new ArrayList<>();
    sums.add(DocumentView.Field.of(m.get("total.subtotal"), f.money(totals.subtotal())));
    totals.taxes().forEach(t -> sums.add(DocumentView.Field.of(m.get("total.tax", t.name(), f.percent(t.rate())),
        f.money(t.amount()))));
    sums.add(new DocumentView.Field(m.get("total.total"), f.money(totals.total()), true));
    String title = m.get("doc.estimate");
    return render("estimate", new DocumentView("estimate", h.language(), title, workOrder.getNumber(),
        h.pageFooter(title, workOrder.getNumber()), h.accent(), h.block(), references(workOrder, h), p.customer,
        p.vehicle, work(workOrder), lines, true, sums, List.of(), List.of(),
        answered ? List.of(m.get("note.approval")) : List.of(), Letterheads.blank(h.settings().warrantyText()),
        null, Letterheads.blank(h.settings().invoiceFooter())), h);
  }

  /** What every work-order document shows about the shop, customer, vehicle and technicians. */
  private record Parts(Letterhead letterhead, DocumentView.Party customer, DocumentView.VehicleBlock vehicle,
                       Map<UUID, String> technicians) {
  }

  private Parts parts(WorkOrder workOrder, String language, boolean contact) {
    Shop shop = shops.require(workOrder.getShopId());
    Customer customer = customers.find(workOrder.getCustomerId()).orElse(null);
    Letterhead h = letterheads.of(shop, language, customer == null ? null : customer.getPreferredLanguage());
    Vehicle vehicle = vehicles.find(workOrder.getVehicleId()).orElse(null);
    Map<UUID, String> technicians = new HashMap<>();
    for (WorkOrderLine l : workOrder.getLines()) {
      if (l.getTechnicianId() != null) {
        technicians.computeIfAbsent(l.getTechnicianId(),
            t -> staff.find(t).map(StaffMember::getName).orElse(null));
      }
    }
    return new Parts(h, party(customer, contact), vehicle(vehicle, workOrder.getMileageIn(),
        workOrder.getMileageOut(), h.formats()), technicians);
  }

  /** The customer as the reader may see them: the name always, contact data only with the right to it. */
  public static DocumentView.Party party(Customer c, boolean contact) {
    if (c == null) {
      return null;
    }
    String name = (c.getFirstName() + " " + c.getLastName()).trim();
    return contact ? new DocumentView.Party(name, Letterheads.lines(c.getAddress()), Letterheads.blank(c.getPhone()),
        Letterheads.blank(c.getEmail())) : new DocumentView.Party(name, List.of(), null, null);
  }

  public static DocumentView.VehicleBlock vehicle(Vehicle v, Integer mileageIn, Integer mileageOut, Formats f) {
    if (v == null) {
      return null;
    }
    List<String> name = new ArrayList<>();
    if (v.getYear() != null) {
      name.add(v.getYear().toString());
    }
    if (v.getMake() != null) {
      name.add(v.getMake());
    }
    if (v.getModel() != null) {
      name.add(v.getModel());
    }
    return new DocumentView.VehicleBlock(name.isEmpty() ? null : String.join(" ", name), v.getVin(),
        Letterheads.blank(v.getPlate()), mileageIn == null ? null : f.number(mileageIn),
        mileageOut == null ? null : f.number(mileageOut));
  }

  public static DocumentView.Work work(WorkOrder w) {
    String complaint = Letterheads.blank(w.getComplaint());
    String cause = Letterheads.blank(w.getCause());
    String correction = Letterheads.blank(w.getCorrection());
    return complaint == null && cause == null && correction == null ? null
        : new DocumentView.Work(complaint, cause, correction);
  }

  private static List<DocumentView.Field> references(WorkOrder w, Letterhead h) {
    List<DocumentView.Field> refs = new ArrayList<>();
    refs.add(DocumentView.Field.of(h.messages().get("ref.date"), h.formats().date(w.getCreatedAt())));
    if (w.getPromisedAt() != null) {
      refs.add(DocumentView.Field.of(h.messages().get("ref.promised"), h.formats().dateTime(w.getPromisedAt())));
    }
    return refs;
  }

  private static LineRows.Particulars particulars(WorkOrderLine l, Map<UUID, String> technicians, boolean prices) {
    boolean labor = l.getType() == LineType.LABOR;
    return new LineRows.Particulars(l.getType().name(), l.getDescription(), l.getPartNumber(),
        l.getCondition() == null ? null : l.getCondition().name(),
        l.getTechnicianId() == null ? null : technicians.get(l.getTechnicianId()),
        labor ? l.getHours() : l.getQuantity(), prices ? (labor ? l.getRate() : l.getUnitPrice()) : null,
        prices ? l.getAmount().amount() : null);
  }

  private static RenderedDocument render(String template, DocumentView view, Letterhead h) {
    return new RenderedDocument(view.number() + "-" + template + ".pdf", h.pdf(template, view));
  }
}
