package dev.mechanics.billing;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Customers;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.DomainException;
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
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderDocuments;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The billing documents: the invoice, a credit note and a payment receipt, printed from what was frozen when
 * they were issued (lines, taxes, numbers) with the work order's vehicle and three Cs, the customer and the
 * payments. The routes decide who may read them (invoices and receipts: {@link Capability#READ_INVOICES},
 * credit notes: {@link Capability#MANAGE_MONEY}); a technician never gets any of them.
 */
@ApplicationScoped
@Transactional
public class BillingDocuments {

  @Inject
  Invoices invoices;

  @Inject
  CreditNotes creditNotes;

  @Inject
  WorkOrders workOrders;

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

  public RenderedDocument invoice(Caller caller, UUID invoiceId, String language) {
    return invoice(invoices.require(invoiceId), language, caller.may(Capability.SEE_CUSTOMER_CONTACT));
  }

  /** The invoice as its customer receives it (the invoice mail), in the customer's language. */
  public RenderedDocument invoiceForCustomer(UUID invoiceId) {
    return invoice(invoices.require(invoiceId), null, true);
  }

  private RenderedDocument invoice(Invoice invoice, String language, boolean contact) {
    Billed b = billed(invoice, language, contact);
    Letterhead h = b.letterhead;
    Messages m = h.messages();
    Formats f = h.formats();
    InvoiceDocument d = invoice.getDocument();
    List<DocumentView.Field> sums = new ArrayList<>();
    sums.add(DocumentView.Field.of(m.get("total.subtotal"), f.money(invoice.getSubtotal())));
    taxes(d, h, sums);
    sums.add(new DocumentView.Field(m.get("total.total"), f.money(invoice.getTotal()), true));
    if (!invoice.getAmountCredited().isZero()) {
      sums.add(DocumentView.Field.of(m.get("total.credited"), f.money(invoice.getAmountCredited().negate())));
    }
    sums.add(DocumentView.Field.of(m.get("total.paid"), f.money(invoice.getAmountPaid())));
    sums.add(new DocumentView.Field(m.get("total.balance"), f.money(invoice.getBalanceDue()), true));
    if (!invoice.getRefundDue().isZero()) {
      sums.add(new DocumentView.Field(m.get("total.refundDue"), f.money(invoice.getRefundDue()), true));
    }
    String title = m.get("doc.invoice");
    List<DocumentView.Field> refs = new ArrayList<>();
    refs.add(DocumentView.Field.of(m.get("ref.issued"), f.date(invoice.getIssuedAt())));
    refs.add(DocumentView.Field.of(m.get("ref.workOrder"), d.workOrderNumber()));
    return render("invoice", new DocumentView("invoice", h.language(), title, invoice.getNumber(),
        h.pageFooter(title, invoice.getNumber()), h.accent(), h.block(), refs, b.customer, b.vehicle, b.work,
        lines(d, h), true, sums, payments(invoices.payments(invoice.getId()), h), List.of(), List.of(),
        Letterheads.blank(h.settings().warrantyText()), Letterheads.blank(h.settings().paymentTerms()),
        Letterheads.blank(h.settings().invoiceFooter())), h);
  }

  public RenderedDocument creditNote(Caller caller, UUID invoiceId, UUID creditNoteId, String language) {
    Invoice invoice = invoices.require(invoiceId);
    CreditNote note = creditNotes.require(invoiceId, creditNoteId);
    Billed b = billed(invoice, language, caller.may(Capability.SEE_CUSTOMER_CONTACT));
    Letterhead h = b.letterhead;
    Messages m = h.messages();
    Formats f = h.formats();
    InvoiceDocument d = note.getDocument();
    List<DocumentView.Field> sums = new ArrayList<>();
    sums.add(DocumentView.Field.of(m.get("total.creditSubtotal"), f.money(note.getSubtotal())));
    taxes(d, h, sums);
    sums.add(new DocumentView.Field(m.get("total.creditTotal"), f.money(note.getTotal()), true));
    String title = m.get("doc.creditNote");
    List<DocumentView.Field> refs = List.of(DocumentView.Field.of(m.get("ref.issued"), f.date(note.getIssuedAt())),
        DocumentView.Field.of(m.get("ref.invoice"), invoice.getNumber()),
        DocumentView.Field.of(m.get("ref.workOrder"), d.workOrderNumber()));
    return render("credit-note", new DocumentView("credit-note", h.language(), title, note.getNumber(),
        h.pageFooter(title, note.getNumber()), h.accent(), h.block(), refs, b.customer, b.vehicle, null,
        lines(d, h), true, sums, List.of(), List.of(), List.of(m.get("note.reason", note.getReason())), null,
        null, Letterheads.blank(h.settings().invoiceFooter())), h);
  }

  /** One payment (or refund) of an invoice, with what is left to pay now. */
  public RenderedDocument receipt(Caller caller, UUID invoiceId, UUID paymentId, String language) {
    Invoice invoice = invoices.require(invoiceId);
    Payment payment = invoices.payments(invoiceId).stream().filter(p -> p.getId().equals(paymentId)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("payment", paymentId));
    Billed b = billed(invoice, language, caller.may(Capability.SEE_CUSTOMER_CONTACT));
    Letterhead h = b.letterhead;
    Messages m = h.messages();
    Formats f = h.formats();
    List<DocumentView.Field> sums = new ArrayList<>();
    sums.add(new DocumentView.Field(m.get(payment.getAmount().isNegative() ? "total.thisRefund"
        : "total.thisPayment"), f.money(payment.getAmount()), true));
    sums.add(DocumentView.Field.of(m.get("total.invoiceTotal"), f.money(invoice.getTotal())));
    if (!invoice.getAmountCredited().isZero()) {
      sums.add(DocumentView.Field.of(m.get("total.credited"), f.money(invoice.getAmountCredited().negate())));
    }
    sums.add(DocumentView.Field.of(m.get("total.paid"), f.money(invoice.getAmountPaid())));
    sums.add(new DocumentView.Field(m.get("total.balance"), f.money(invoice.getBalanceDue()), true));
    String title = m.get("doc.receipt");
    String number = invoice.getNumber() + "-" + receiptSequence(invoice, payment);
    List<DocumentView.Field> refs = List.of(
        DocumentView.Field.of(m.get("ref.received"), f.dateTime(payment.getCreatedAt())),
        DocumentView.Field.of(m.get("ref.invoice"), invoice.getNumber()),
        DocumentView.Field.of(m.get("ref.workOrder"), invoice.getDocument().workOrderNumber()));
    return render("receipt", new DocumentView("receipt", h.language(), title, number,
        h.pageFooter(title, number), h.accent(), h.block(), refs, b.customer, b.vehicle, null, List.of(), true,
        sums, payments(List.of(payment), h), List.of(), List.of(), null, null,
        Letterheads.blank(h.settings().invoiceFooter())), h);
  }

  /** A receipt's number: the invoice's and the payment's place among its payments (INV-2026-000045-2). */
  private int receiptSequence(Invoice invoice, Payment payment) {
    List<Payment> all = invoices.payments(invoice.getId());
    return all.indexOf(payment) + 1;
  }

  private record Billed(Letterhead letterhead, DocumentView.Party customer, DocumentView.VehicleBlock vehicle,
                        DocumentView.Work work) {
  }

  private Billed billed(Invoice invoice, String language, boolean contact) {
    Shop shop = shops.require(invoice.getShopId());
    Customer customer = customers.find(invoice.getCustomerId()).orElse(null);
    Letterhead h = letterheads.of(shop, language, customer == null ? null : customer.getPreferredLanguage());
    WorkOrder workOrder = workOrders.find(invoice.getWorkOrderId()).orElse(null);
    return new Billed(h, WorkOrderDocuments.party(customer, contact), workOrder == null ? null
        : WorkOrderDocuments.vehicle(vehicles.find(workOrder.getVehicleId()).orElse(null),
        workOrder.getMileageIn(), workOrder.getMileageOut(), h.formats()),
        workOrder == null ? null : WorkOrderDocuments.work(workOrder));
  }

  private List<DocumentView.Line> lines(InvoiceDocument d, Letterhead h) {
    Map<UUID, String> technicians = new HashMap<>();
    List<DocumentView.Line> rows = new ArrayList<>();
    for (InvoiceDocument.Line l : d.lines()) {
      String technician = l.technicianId() == null ? null : technicians.computeIfAbsent(l.technicianId(),
          t -> staff.find(t).map(StaffMember::getName).orElse(null));
      rows.add(LineRows.row(new LineRows.Particulars(l.type(), l.description(), l.partNumber(), l.condition(),
          technician, l.quantity(), l.unitPrice().amount(), l.amount().amount()), h.formats(), h.messages(), null,
          false, l.warranty()));
    }
    return rows;
  }

  private static void taxes(InvoiceDocument d, Letterhead h, List<DocumentView.Field> sums) {
    d.taxes().forEach(t -> sums.add(DocumentView.Field.of(h.messages().get("total.tax", t.name(),
        h.formats().percent(t.rate())), h.formats().money(t.amount()))));
  }

  private static List<DocumentView.Payment> payments(List<Payment> payments, Letterhead h) {
    List<DocumentView.Payment> rows = new ArrayList<>();
    for (Payment p : payments) {
      rows.add(new DocumentView.Payment(h.formats().dateTime(p.getCreatedAt()),
          h.messages().get("payment." + p.getMethod().name()), Letterheads.blank(p.getReference()),
          h.formats().money(p.getAmount())));
    }
    return rows;
  }

  private static RenderedDocument render(String template, DocumentView view, Letterhead h) {
    return new RenderedDocument(view.number() + ".pdf", h.pdf(template, view));
  }
}
