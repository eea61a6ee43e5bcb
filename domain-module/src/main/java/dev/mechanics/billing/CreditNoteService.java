package dev.mechanics.billing;

import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.workorder.LineApproval;
import dev.mechanics.workorder.TaxRates;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Credit notes against issued invoices. The invoice row is locked first (as for payments), so credit notes of
 * one invoice queue, each sees all earlier ones, and the sum credited can never exceed what was invoiced; the
 * number is allocated in the same transaction (gapless per shop and year, like invoice numbers). The arithmetic
 * is {@link CreditCalculation}'s.
 */
@ApplicationScoped
@Transactional
public class CreditNoteService {

  @Inject
  Invoices invoices;

  @Inject
  CreditNotes creditNotes;

  @Inject
  InvoiceService invoiceService;

  @Inject
  IdempotentRequests idempotent;

  @Inject
  YearlyNumbers numbers;

  @Inject
  WorkOrders workOrders;

  @Inject
  TaxRates taxRates;

  @Inject
  AuditTrail audit;

  /** The credit note and the invoice after it; {@code replayed} when the Idempotency-Key had been used. */
  public record Result(CreditNote creditNote, Invoice invoice, boolean replayed) {
  }

  /** Issues a credit note: owners and the managers of the invoice's shop; Idempotency-Key required. */
  public Result issue(Caller caller, UUID invoiceId, CreditRequest request, String idempotencyKeyHeader) {
    invoiceService.requireMoneyOf(caller, invoiceId, "issue its credit notes");
    String idempotencyKey = IdempotentRequests.requireKey(idempotencyKeyHeader, "credit notes");
    request.requireOneKind();
    String hash = IdempotentRequests.hash("credit-note|" + invoiceId + "|" + request.canonical());
    Invoice invoice = invoices.requireForUpdate(invoiceId);
    Optional<CreditNote> earlier = idempotent.earlier(CreditNote.class, idempotencyKey, hash, "credit note");
    if (earlier.isPresent()) {
      return new Result(earlier.get(), invoice, true);
    }
    InvoiceDocument billed = documentOf(invoice);
    CreditCalculation.Credit credit = new CreditCalculation(billed, creditNotes.of(invoiceId).stream()
        .map(CreditNote::getDocument).toList()).credit(request, invoice.getNumber());
    Money total = credit.total();
    if (total.isNegative() || total.isZero()) {
      throw DomainException.InvalidInput.field("lines", "a credit note must credit a positive amount (this one "
          + "comes to " + total + ")");
    }
    if (total.compareTo(invoice.getCreditable()) > 0) {
      throw DomainException.InvalidInput.field("amount", "credits " + total + " but only "
          + invoice.getCreditable() + " of invoice " + invoice.getNumber() + " (total " + invoice.getTotal()
          + ", credited " + invoice.getAmountCredited() + ") is left to credit");
    }
    InvoiceDocument document = new InvoiceDocument(billed.workOrderNumber(), credit.lines(), credit.taxes(),
        billed.rules());
    CreditNote note = new CreditNote(invoice, numbers.next(YearlyNumbers.Kind.CREDIT_NOTE, invoice.getShopId()),
        request.reason(), document, credit.subtotal(), credit.taxTotal(), caller.userId(), idempotencyKey, hash);
    Map<String, Object> was = state(invoice);
    invoice.credit(note.getTotal());
    creditNotes.add(note);
    Map<String, Object> now = state(invoice);
    now.put("creditNoteId", note.getId().toString());
    now.put("number", note.getNumber());
    now.put("total", note.getTotal().toString());
    now.put("reason", note.getReason());
    audit.record("credit_note.issued", "invoice", invoice.getId(), invoice.getShopId(), was, now);
    return new Result(note, invoice, false);
  }

  public List<CreditNote> of(UUID invoiceId) {
    return creditNotes.of(invoiceId);
  }

  public CreditNote get(UUID invoiceId, UUID creditNoteId) {
    return creditNotes.require(invoiceId, creditNoteId);
  }

  private static Map<String, Object> state(Invoice invoice) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("amountCredited", invoice.getAmountCredited().toString());
    state.put("balanceDue", invoice.getBalanceDue().toString());
    state.put("refundDue", invoice.getRefundDue().toString());
    state.put("status", invoice.getStatus().name());
    return state;
  }

  /**
   * The invoice's frozen document. Invoices issued before tax rules and taxable flags were frozen get them from
   * their work order (which no longer changes once invoiced) and the shop's rule of the same name and rate.
   */
  private InvoiceDocument documentOf(Invoice invoice) {
    InvoiceDocument d = invoice.getDocument();
    boolean linesKnown = d.lines().stream().allMatch(l -> l.taxable() != null);
    boolean rulesKnown = d.rules().size() == d.taxes().size();
    if (linesKnown && rulesKnown) {
      return d;
    }
    List<InvoiceDocument.Line> lines = d.lines();
    if (!linesKnown) {
      WorkOrder workOrder = workOrders.require(invoice.getWorkOrderId());
      List<WorkOrderLine> billedLines = workOrder.getLines().stream()
          .filter(l -> l.getApproval() != LineApproval.DECLINED).toList();
      lines = new ArrayList<>();
      for (int i = 0; i < d.lines().size(); i++) {
        boolean taxable = i < billedLines.size() && billedLines.get(i).isTaxable();
        lines.add(d.lines().get(i).withTaxable(taxable));
      }
    }
    List<TaxRule> rules = d.rules();
    if (!rulesKnown) {
      List<TaxRule> current = taxRates.rulesOf(invoice.getShopId());
      rules = d.taxes().stream().map(t -> current.stream()
          .filter(r -> r.name().equals(t.name()) && r.rate().compareTo(t.rate()) == 0).findFirst()
          .orElse(new TaxRule(t.name(), t.rate(), true, true))).toList();
    }
    return new InvoiceDocument(d.workOrderNumber(), lines, d.taxes(), rules);
  }
}
