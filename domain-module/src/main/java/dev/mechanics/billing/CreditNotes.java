package dev.mechanics.billing;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.workorder.LineAmounts;
import dev.mechanics.workorder.LineApproval;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.NumberSequences;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.WorkOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Credit notes against issued invoices. The invoice row is locked first (as for payments), so credit notes of
 * one invoice queue, each sees all earlier ones, and the sum credited can never exceed what was invoiced; the
 * number is allocated in the same transaction (gapless per shop and year, like invoice numbers).
 *
 * <p>Money: a credited line's amount is rounded half-even once (hours x rate, quantity x unit price, as on the
 * invoice); crediting what is left of a line takes exactly that remainder, so partial credits add up to the line
 * to the cent. Taxes are computed by {@link Totals} with the invoice's frozen rules; when a credit note empties
 * the invoice, each tax is what is left of it, so a full credit reverses the invoice exactly.
 */
@ApplicationScoped
@Transactional
public class CreditNotes {

  @Inject
  BillingService billing;

  @Inject
  IdempotentRequests idempotent;

  @Inject
  NumberSequences numbers;

  @Inject
  Shops shops;

  @Inject
  WorkOrders workOrders;

  @Inject
  AuditTrail audit;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** Credits invoice line {@code line} (index on the invoice): {@code quantity}, or all that is left when null. */
  public record LineCredit(int line, BigDecimal quantity) {
  }

  /** Either lines or a net amount (before tax) spread over the invoice's lines in proportion to what is left. */
  public record Request(String reason, List<LineCredit> lines, Money amount) {
    /** 400 unless the request credits lines or an amount (not both, not neither). */
    void requireOneKind() {
      boolean byLines = lines != null && !lines.isEmpty();
      if (byLines == (amount != null)) {
        throw new DomainException.Malformed("lines", "send either lines (invoice lines to credit) or amount (a net "
            + "amount), not both and not neither");
      }
    }

    String canonical() {
      return reason + "|" + (amount == null ? "" : amount) + "|" + (lines == null ? "" : lines.stream()
          .map(l -> l.line() + ":" + (l.quantity() == null ? "" : l.quantity().stripTrailingZeros().toPlainString()))
          .collect(Collectors.joining(",")));
    }
  }

  /** The credit note and the invoice after it; {@code replayed} when the Idempotency-Key had been used. */
  public record Result(CreditNote creditNote, Invoice invoice, boolean replayed) {
  }

  public Result issue(Caller caller, UUID invoiceId, Request request, String idempotencyKeyHeader) {
    billing.requireMoneyOf(caller, invoiceId, "issue its credit notes");
    String idempotencyKey = IdempotentRequests.requireKey(idempotencyKeyHeader, "credit notes");
    request.requireOneKind();
    UUID by = caller.userId();
    String hash = IdempotentRequests.hash("credit-note|" + invoiceId + "|" + request.canonical());
    Invoice invoice = billing.lockInvoice(invoiceId);
    Optional<CreditNote> earlier = idempotent.earlier(CreditNote.class, idempotencyKey, hash, "credit note");
    if (earlier.isPresent()) {
      return new Result(earlier.get(), invoice, true);
    }
    InvoiceDocument billed = documentOf(invoice);
    List<CreditNote> before = list(invoiceId);
    Credited credited = Credited.of(billed, before);

    List<InvoiceDocument.Line> lines = request.amount() != null
        ? spread(billed, credited, request.amount(), invoice)
        : creditLines(billed, credited, request.lines());
    Totals computed = Totals.of(lines, billed.rules());
    boolean emptiesInvoice = emptied(billed, credited, lines);
    List<Totals.TaxAmount> taxes = new ArrayList<>();
    Money taxTotal = Money.ZERO;
    for (int r = 0; r < computed.taxes().size(); r++) {
      Totals.TaxAmount invoiced = billed.taxes().get(r);
      Money left = invoiced.amount().minus(credited.tax(r));
      Money tax = emptiesInvoice ? left : min(computed.taxes().get(r).amount(), left);
      taxes.add(new Totals.TaxAmount(invoiced.name(), invoiced.rate(), tax));
      taxTotal = taxTotal.plus(tax);
    }
    Money total = computed.subtotal().plus(taxTotal);
    if (total.isNegative() || total.isZero()) {
      throw DomainException.InvalidInput.field("lines", "a credit note must credit a positive amount (this one "
          + "comes to " + total + ")");
    }
    if (total.compareTo(invoice.getCreditable()) > 0) {
      throw overCredit(invoice, total);
    }

    ZoneId zone = shops.find(invoice.getShopId()).map(s -> ZoneId.of(s.getTimeZone())).orElse(ZoneId.of("UTC"));
    int year = Instant.now().atZone(zone).getYear();
    long sequence = numbers.next(Tenancy.current(), invoice.getShopId(), NumberSequences.CREDIT_NOTE, year);
    InvoiceDocument document = new InvoiceDocument(billed.workOrderNumber(), lines, taxes, billed.rules());
    CreditNote note = new CreditNote(invoice, year, sequence, request.reason(), document, computed.subtotal(),
        taxTotal, by, idempotencyKey, hash);
    Map<String, Object> was = state(invoice);
    invoice.credit(note.getTotal());
    em.persist(note);
    em.flush();
    Map<String, Object> now = state(invoice);
    now.put("creditNoteId", note.getId().toString());
    now.put("number", note.getNumber());
    now.put("total", note.getTotal().toString());
    now.put("reason", note.getReason());
    audit.record("credit_note.issued", "invoice", invoice.getId(), invoice.getShopId(), was, now);
    return new Result(note, invoice, false);
  }

  public List<CreditNote> list(UUID invoiceId) {
    return em.createQuery("select c from CreditNote c where c.invoiceId = :invoice order by c.sequence",
        CreditNote.class).setParameter("invoice", invoiceId).getResultList();
  }

  public CreditNote get(UUID invoiceId, UUID creditNoteId) {
    return em.createQuery("select c from CreditNote c where c.id = :id and c.invoiceId = :invoice",
            CreditNote.class).setParameter("id", creditNoteId).setParameter("invoice", invoiceId)
        .getResultStream().findFirst().orElseThrow(() -> new DomainException.NotFound("credit note", creditNoteId));
  }

  private static Map<String, Object> state(Invoice invoice) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("amountCredited", invoice.getAmountCredited().toString());
    state.put("balanceDue", invoice.getBalanceDue().toString());
    state.put("refundDue", invoice.getRefundDue().toString());
    state.put("status", invoice.getStatus().name());
    return state;
  }

  private static DomainException overCredit(Invoice invoice, Money asked) {
    return DomainException.InvalidInput.field("amount", "credits " + asked + " but only " + invoice.getCreditable()
        + " of invoice " + invoice.getNumber() + " (total " + invoice.getTotal() + ", credited "
        + invoice.getAmountCredited() + ") is left to credit");
  }

  /** What the earlier credit notes of an invoice took, per invoice line and per tax. */
  private record Credited(Money[] amounts, BigDecimal[] quantities, Money[] taxes) {
    static Credited of(InvoiceDocument billed, List<CreditNote> notes) {
      int n = billed.lines().size();
      Money[] amounts = new Money[n];
      BigDecimal[] quantities = new BigDecimal[n];
      Money[] taxes = new Money[billed.taxes().size()];
      java.util.Arrays.fill(amounts, Money.ZERO);
      java.util.Arrays.fill(quantities, BigDecimal.ZERO);
      java.util.Arrays.fill(taxes, Money.ZERO);
      for (CreditNote note : notes) {
        InvoiceDocument d = note.getDocument();
        for (InvoiceDocument.Line l : d.lines()) {
          amounts[l.invoiceLine()] = amounts[l.invoiceLine()].plus(l.amount());
          quantities[l.invoiceLine()] = quantities[l.invoiceLine()].add(l.quantity());
        }
        for (int r = 0; r < Math.min(taxes.length, d.taxes().size()); r++) {
          taxes[r] = taxes[r].plus(d.taxes().get(r).amount());
        }
      }
      return new Credited(amounts, quantities, taxes);
    }

    Money left(InvoiceDocument billed, int line) {
      return billed.lines().get(line).amount().minus(amounts[line]);
    }

    Money tax(int rate) {
      return taxes[rate];
    }
  }

  private static List<InvoiceDocument.Line> creditLines(InvoiceDocument billed, Credited credited,
                                                       List<LineCredit> requested) {
    List<InvoiceDocument.Line> lines = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < requested.size(); k++) {
      LineCredit credit = requested.get(k);
      String field = "lines[" + k + "]";
      if (credit.line() < 0 || credit.line() >= billed.lines().size()) {
        throw DomainException.InvalidInput.field(field + ".line", "the invoice has no line " + credit.line()
            + " (it has lines 0 to " + (billed.lines().size() - 1) + ")");
      }
      if (!seen.add(credit.line())) {
        throw DomainException.InvalidInput.field(field + ".line", "line " + credit.line() + " is listed twice");
      }
      InvoiceDocument.Line billedLine = billed.lines().get(credit.line());
      Money leftAmount = credited.left(billed, credit.line());
      BigDecimal leftQuantity = billedLine.quantity().subtract(credited.quantities()[credit.line()]).max(BigDecimal.ZERO);
      if (leftAmount.isZero()) {
        throw DomainException.InvalidInput.field(field + ".line", "line " + credit.line() + " was already credited "
            + "in full");
      }
      BigDecimal quantity = credit.quantity() == null ? leftQuantity : credit.quantity();
      if (quantity.signum() <= 0 || quantity.compareTo(leftQuantity) > 0) {
        throw DomainException.InvalidInput.field(field + ".quantity", "must be more than 0 and at most "
            + leftQuantity.stripTrailingZeros().toPlainString() + " (what is left of line " + credit.line() + ")");
      }
      Money amount;
      if (quantity.compareTo(leftQuantity) == 0) {
        amount = leftAmount;
      } else {
        LineType type = billedLine.getType();
        Money priced = type == LineType.LABOR ? LineAmounts.labor(quantity, billedLine.unitPrice())
            : LineAmounts.priced(type, quantity, billedLine.unitPrice());
        amount = priced.abs().compareTo(leftAmount.abs()) > 0 ? leftAmount : priced;
      }
      lines.add(new InvoiceDocument.Line(billedLine.type(), billedLine.description(), quantity,
          billedLine.unitPrice(), amount, billedLine.taxable(), credit.line()));
    }
    return lines;
  }

  /**
   * An amount credit: spread over the lines in proportion to what is left of each, rounded half-even once per
   * line, the last cent going to the largest line, so the lines add up to the amount exactly.
   */
  private static List<InvoiceDocument.Line> spread(InvoiceDocument billed, Credited credited, Money amount,
                                                   Invoice invoice) {
    if (amount.isNegative() || amount.isZero()) {
      throw DomainException.InvalidInput.field("amount", "must be more than 0");
    }
    Money left = Money.ZERO;
    int largest = -1;
    for (int i = 0; i < billed.lines().size(); i++) {
      Money l = credited.left(billed, i);
      left = left.plus(l);
      if (!l.isZero() && (largest < 0 || l.compareTo(credited.left(billed, largest)) > 0)) {
        largest = i;
      }
    }
    if (amount.compareTo(left) > 0 || largest < 0) {
      throw DomainException.InvalidInput.field("amount", "credits " + amount + " before tax but only "
          + (largest < 0 ? Money.ZERO : left) + " of invoice " + invoice.getNumber() + " is left to credit before "
          + "tax");
    }
    Money[] shares = new Money[billed.lines().size()];
    Money assigned = Money.ZERO;
    for (int i = 0; i < shares.length; i++) {
      Money l = credited.left(billed, i);
      shares[i] = amount.compareTo(left) == 0 ? l : Money.rounded(amount.amount().multiply(l.amount())
          .divide(left.amount(), 10, RoundingMode.HALF_EVEN));
      assigned = assigned.plus(shares[i]);
    }
    shares[largest] = shares[largest].plus(amount.minus(assigned));
    List<InvoiceDocument.Line> lines = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      if (!shares[i].isZero()) {
        InvoiceDocument.Line b = billed.lines().get(i);
        lines.add(new InvoiceDocument.Line(b.type(), b.description(), BigDecimal.ZERO, b.unitPrice(), shares[i],
            b.taxable(), i));
      }
    }
    return lines;
  }

  /** Whether these credit lines take everything that is left of every invoice line. */
  private static boolean emptied(InvoiceDocument billed, Credited credited, List<InvoiceDocument.Line> lines) {
    Money[] left = new Money[billed.lines().size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = credited.left(billed, i);
    }
    for (InvoiceDocument.Line l : lines) {
      left[l.invoiceLine()] = left[l.invoiceLine()].minus(l.amount());
    }
    for (Money m : left) {
      if (!m.isZero()) {
        return false;
      }
    }
    return true;
  }

  private static Money min(Money a, Money b) {
    return a.compareTo(b) <= 0 ? a : b;
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
      WorkOrder workOrder = workOrders.find(invoice.getWorkOrderId())
          .orElseThrow(() -> new DomainException.NotFound("work order", invoice.getWorkOrderId()));
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
      List<TaxRule> current = workOrders.taxRules(invoice.getShopId());
      rules = d.taxes().stream().map(t -> current.stream()
          .filter(r -> r.name().equals(t.name()) && r.rate().compareTo(t.rate()) == 0).findFirst()
          .orElse(new TaxRule(t.name(), t.rate(), true, true))).toList();
    }
    return new InvoiceDocument(d.workOrderNumber(), lines, d.taxes(), rules);
  }
}
