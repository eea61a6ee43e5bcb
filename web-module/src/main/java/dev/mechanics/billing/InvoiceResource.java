package dev.mechanics.billing;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DocumentResponses;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.workorder.WorkOrderMetrics;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invoices (issued from repair orders) and their payments; managers and owners bill and take money. */
@ApplicationScoped
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
public class InvoiceResource {

  @Inject
  InvoiceService invoices;

  @Inject
  PaymentService payments;

  @Inject
  CurrentCaller caller;

  @Inject
  WorkOrderMetrics metrics;

  @Inject
  CreditNoteService creditNotes;

  @Inject
  BillingDocuments documents;

  /**
   * {@code line}: the line's index on the invoice (on a credit note, the invoice line it credits).
   * {@code warranty}: a comeback's line booked as warranty: not charged ({@code amount} 0.00), price shown.
   */
  public record InvoiceLineView(String type, String description, BigDecimal quantity, String unitPrice,
                                String amount, int line,
                                @Schema(description = "Warranty work of a comeback: amount 0.00, not charged to "
                                    + "the customer") boolean warranty) {
    static InvoiceLineView of(InvoiceDocument.Line l) {
      return new InvoiceLineView(l.type(), l.description(), l.quantity(), l.unitPrice().toString(),
          l.amount().toString(), l.invoiceLine(), l.warranty());
    }
  }

  @Schema(name = "InvoiceTax")
  public record TaxView(String name, BigDecimal rate, String amount) {
  }

  public record InvoiceView(UUID id, String number, UUID shopId, UUID workOrderId, String workOrderNumber,
                            UUID customerId, Instant issuedAt, List<InvoiceLineView> lines, List<TaxView> taxes,
                            String subtotal, String taxTotal, String total, String amountPaid, String balanceDue,
                            InvoiceStatus status, long version, String amountCredited, String refundDue) {
    public static InvoiceView of(Invoice i) {
      InvoiceDocument d = i.getDocument();
      return new InvoiceView(i.getId(), i.getNumber(), i.getShopId(), i.getWorkOrderId(), d.workOrderNumber(),
          i.getCustomerId(), i.getIssuedAt(),
          d.lines().stream().map(InvoiceLineView::of).toList(),
          d.taxes().stream().map(t -> new TaxView(t.name(), t.rate(), t.amount().toString())).toList(),
          i.getSubtotal().toString(), i.getTaxTotal().toString(), i.getTotal().toString(),
          i.getAmountPaid().toString(), i.getBalanceDue().toString(), i.getStatus(), i.getVersion(),
          i.getAmountCredited().toString(), i.getRefundDue().toString());
    }
  }

  /** The document's name for {@code {"items": [...]}} of payments. */
  @Schema(name = "PaymentList")
  record PaymentList(List<PaymentView> items) {
  }

  /** The document's name for {@code {"items": [...]}} of credit notes. */
  @Schema(name = "CreditNoteList")
  record CreditNoteList(List<CreditNoteView> items) {
  }

  public record PaymentRequest(
      @NotNull @Pattern(regexp = "-?\\d{1,12}(\\.\\d{1,2})?",
          message = "must be an amount such as \"12.50\" (at most two decimal places; negative for a refund)")
      String amount,
      @NotNull PaymentMethod method,
      @Size(max = 100) String reference) {
  }

  public record PaymentView(UUID id, UUID invoiceId, String amount, PaymentMethod method, String reference,
                            Instant receivedAt, UUID receivedBy, String invoiceBalanceDue,
                            InvoiceStatus invoiceStatus) {
    static PaymentView of(Payment p, Invoice i) {
      return new PaymentView(p.getId(), p.getInvoiceId(), p.getAmount().toString(), p.getMethod(),
          p.getReference(), p.getCreatedAt(), p.getReceivedBy(), i == null ? null : i.getBalanceDue().toString(),
          i == null ? null : i.getStatus());
    }
  }

  @GET
  @Requires(Capability.READ_INVOICES)
  @Operation(operationId = "listInvoices", summary = "List invoices",
      description = "The organization's invoices, a page at a time; `shopId` lists one shop's, `status`, "
          + "`customerId`, `workOrderId` (the invoice of one work order: an empty page while it has none) and the "
          + "days of issue `from`/`to` (both included, in the shop's time zone, else the organization's) narrow "
          + "the list. 400 when an id or a day is malformed.",
      extensions = @Extension(name = "x-requires", value = "READ_INVOICES"))
  public Listing<InvoiceView> list(@QueryParam("shopId") String shopId, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after,
                                   @Parameter(description = "Only invoices in this status.",
                                       schema = @Schema(implementation = InvoiceStatus.class))
                                   @QueryParam("status") String status,
                                   @Parameter(description = "Only this customer's invoices.")
                                   @QueryParam("customerId") String customerId,
                                   @Parameter(description = "Only the invoice of this work order.")
                                   @QueryParam("workOrderId") String workOrderId,
                                   @Parameter(description = "First day of issue (YYYY-MM-DD).",
                                       schema = @Schema(type = SchemaType.STRING, format = "date"))
                                   @QueryParam("from") String from,
                                   @Parameter(description = "Last day of issue (YYYY-MM-DD), included.",
                                       schema = @Schema(type = SchemaType.STRING, format = "date"))
                                   @QueryParam("to") String to) {
    return Listing.of(invoices.list(filter(shopId, statusOf(status), customerId, workOrderId, from, to),
        Listing.request(limit, after)), InvoiceView::of);
  }

  /** The accountant's CSV of a period: invoices, payments and credit notes. */
  @GET
  @Path("export")
  @Produces("text/csv")
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "exportInvoices", summary = "Export a period's invoices, payments and credit notes (CSV)",
      description = "One row per invoice issued, payment taken and credit note issued between the days `from` "
          + "and `to` (both included, at most 400 days, in the shop's time zone, else the organization's), with "
          + "`kind` saying which. Cells that a spreadsheet would run as a formula are written as text. Owners "
          + "(every shop, or `shopId`), and managers for a shop of theirs (`shopId` required: 403 otherwise). "
          + "422 when a period holds more than 50,000 rows of one kind.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "200", description = "The CSV (UTF-8, RFC 4180, a header row).",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response export(@QueryParam("shopId") String shopId,
                         @Parameter(description = "First day (YYYY-MM-DD).", required = true,
                             schema = @Schema(type = SchemaType.STRING, format = "date"))
                         @QueryParam("from") String from,
                         @Parameter(description = "Last day (YYYY-MM-DD), included.", required = true,
                             schema = @Schema(type = SchemaType.STRING, format = "date"))
                         @QueryParam("to") String to) {
    InvoiceFilter filter = filter(shopId, null, null, null, from, to);
    var who = caller.get();
    if (filter.shopId() == null ? !who.roles().contains(dev.mechanics.tenancy.Role.OWNER)
        : !who.mayIn(Capability.MANAGE_MONEY, filter.shopId())) {
      throw new dev.mechanics.platform.DomainException.Forbidden(filter.shopId() == null
          ? "Only owners export every shop at once: choose a shop (shopId)"
          : "Only OWNER or MANAGER of this shop may export its invoices");
    }
    byte[] csv = invoices.export(filter);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"invoices-" + filter.from() + "-to-" + filter.to()
            + ".csv\"")
        .header("Cache-Control", "no-store").build();
  }

  private static InvoiceFilter filter(String shopId, InvoiceStatus status, String customerId, String workOrderId,
                                      String from, String to) {
    return new InvoiceFilter(RequestIds.field("shopId", shopId, u -> u), status,
        RequestIds.field("customerId", customerId, u -> u), RequestIds.field("workOrderId", workOrderId, u -> u),
        day("from", from), day("to", to));
  }

  private static InvoiceStatus statusOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return InvoiceStatus.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      throw new dev.mechanics.platform.DomainException.Malformed("status", "status must be one of "
          + java.util.Arrays.toString(InvoiceStatus.values()));
    }
  }

  private static java.time.LocalDate day(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new dev.mechanics.platform.DomainException.Malformed(field, field + " must be a day such as 2026-11-30");
    }
  }

  @GET
  @Path("{id}")
  @Requires(Capability.READ_INVOICES)
  @Operation(operationId = "getInvoice", summary = "Read an invoice",
      description = "The invoice as issued (lines, taxes, totals) with what was paid, credited and is still due.",
      extensions = @Extension(name = "x-requires", value = "READ_INVOICES"))
  @APIResponse(responseCode = "200", description = "The invoice.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)))
  public Response get(@PathParam("id") String id) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return Response.ok(InvoiceView.of(invoice)).tag(Versions.etag(invoice.getVersion())).build();
  }

  /** The invoice as a PDF, rendered from what was frozen at issue. */
  @GET
  @Path("{id}/pdf")
  @Produces("application/pdf")
  @Requires(Capability.READ_INVOICES)
  @Operation(operationId = "getInvoicePdf", summary = "The invoice as a PDF",
      description = "Rendered from what was frozen at issue: shop identity and registration numbers, customer, "
          + "vehicle with mileage in and out, complaint/cause/correction, lines with part number, condition and "
          + "technician, taxes per rate, payments with method and reference, balance, payment terms and warranty; "
          + "the number and \"page n of m\" on every page. PDF/A-2b. Never for a technician.",
      extensions = @Extension(name = "x-requires", value = "READ_INVOICES"))
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response pdf(@PathParam("id") String id, @Parameter(description = LANG) @QueryParam("lang") String lang) {
    UUID invoiceId = RequestIds.path("invoice", id);
    return DocumentResponses.pdf(documents.invoice(caller.get(), invoiceId, DocumentResponses.language(lang)));
  }

  /** A receipt for one payment or refund of the invoice. */
  @GET
  @Path("{id}/payments/{paymentId}/pdf")
  @Produces("application/pdf")
  @Requires(Capability.READ_INVOICES)
  @Operation(operationId = "getPaymentReceiptPdf", summary = "A payment receipt as a PDF",
      description = "One payment (or refund) of the invoice with its method and reference, what was paid so far "
          + "and the balance. PDF/A-2b.",
      extensions = @Extension(name = "x-requires", value = "READ_INVOICES"))
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response receipt(@PathParam("id") String id, @PathParam("paymentId") String paymentId,
                          @Parameter(description = LANG) @QueryParam("lang") String lang) {
    UUID invoiceId = RequestIds.path("invoice", id);
    UUID payment = RequestIds.path("payment", paymentId);
    return DocumentResponses.pdf(documents.receipt(caller.get(), invoiceId, payment,
        DocumentResponses.language(lang)));
  }

  private static final String LANG = "Language (en, es, es-MX ...); default: the customer's, else the shop's";

  @GET
  @Path("{id}/payments")
  @Requires(Capability.READ_INVOICES)
  @Operation(operationId = "listPayments", summary = "List an invoice's payments",
      description = "The payments and refunds (negative amounts) taken against the invoice.",
      extensions = @Extension(name = "x-requires", value = "READ_INVOICES"))
  @APIResponse(responseCode = "200", description = "The payments.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentList.class)))
  public Map<String, List<PaymentView>> payments(@PathParam("id") String id) {
    return Map.of("items", payments.payments(RequestIds.path("invoice", id)).stream()
        .map(p -> PaymentView.of(p, null)).toList());
  }

  /** Idempotency-Key is required: a retry returns the first answer; the key with another body is 422. */
  @POST
  @Path("{id}/payments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "recordPayment", summary = "Take a payment or make a refund",
      description = "Records a payment against the invoice (a negative amount is a refund), exactly once per "
          + "`Idempotency-Key`. Owners, and managers of the invoice's shop (a manager of another shop: 403). 409 "
          + "when the invoice is void; 422 when the amount is zero, more than the balance due, or refunds more "
          + "than was paid, or when the key was used with another body.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "201", description = "The payment with the invoice's new balance; the same answer "
      + "again for a retry with the same key.",
      headers = {@Header(name = "Location", ref = "Location"),
          @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response pay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                          examples = @ExampleObject(name = "card", value = """
                              {"amount": "249.90", "method": "CARD", "reference": "auth 0421"}""")))
                      PaymentRequest request, @Context UriInfo uri) {
    UUID invoiceId = RequestIds.path("invoice", id);
    Money amount = Money.parse(request.amount(), "amount");
    String reference = request.reference() == null || request.reference().isBlank() ? null
        : request.reference().trim();
    PaymentService.PaymentResult result = payments.pay(caller.get(), invoiceId,
        new PaymentService.PaymentOrder(amount, request.method(), reference), key);
    if (!result.replayed()) {
      metrics.paymentRecorded(result.invoice().getShopId(), amount.isNegative());
    }
    return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoiceId.toString()).path("payments")
            .path(result.payment().getId().toString()).build())
        .header(REPLAYED, Boolean.toString(result.replayed()))
        .entity(PaymentView.of(result.payment(), result.invoice())).build();
  }

  private static final String REPLAYED = "Idempotent-Replayed";

  public record CreditLineRequest(
      @NotNull @Min(0) Integer line,
      @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
  }

  /** Credit invoice lines ({@code line}: index on the invoice; no quantity: all that is left) or a net amount. */
  public record CreditNoteRequest(
      @NotBlank @Size(max = 500) String reason,
      @Size(max = 200) List<@Valid @NotNull CreditLineRequest> lines,
      @Pattern(regexp = "\\d{1,12}(\\.\\d{1,2})?",
          message = "must be an amount such as \"12.50\" (at most two decimal places, not negative)")
      String amount) {
  }

  public record CreditNoteView(UUID id, String number, UUID invoiceId, String invoiceNumber, UUID shopId,
                               String reason, Instant issuedAt, UUID issuedBy, List<InvoiceLineView> lines,
                               List<TaxView> taxes, String subtotal, String taxTotal, String total,
                               String invoiceAmountCredited, String invoiceBalanceDue, String invoiceRefundDue,
                               InvoiceStatus invoiceStatus) {
    static CreditNoteView of(CreditNote c, Invoice i) {
      InvoiceDocument d = c.getDocument();
      return new CreditNoteView(c.getId(), c.getNumber(), c.getInvoiceId(), i.getNumber(), c.getShopId(),
          c.getReason(), c.getIssuedAt(), c.getIssuedBy(),
          d.lines().stream().map(InvoiceLineView::of).toList(),
          d.taxes().stream().map(t -> new TaxView(t.name(), t.rate(), t.amount().toString())).toList(),
          c.getSubtotal().toString(), c.getTaxTotal().toString(), c.getTotal().toString(),
          i.getAmountCredited().toString(), i.getBalanceDue().toString(), i.getRefundDue().toString(),
          i.getStatus());
    }
  }

  /**
   * Issues a credit note (Idempotency-Key required, as on payments). What it credits reduces the amount due;
   * on an invoice already paid it becomes a refund due, which a negative payment then pays out.
   */
  @POST
  @Path("{id}/credit-notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "issueCreditNote", summary = "Issue a credit note",
      description = "Credits invoice lines (`lines`: the line's index on the invoice, and a quantity or all that "
          + "is left) or a net `amount`, exactly once per `Idempotency-Key`, with a gapless number. What it "
          + "credits reduces the amount due; on a paid invoice it becomes a refund due. Owners, and managers of "
          + "the invoice's shop (a manager of another shop: 403). 400 when both or neither of `lines` and "
          + "`amount` are sent; 422 when it credits nothing or more than is left, or the key was used with "
          + "another body.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "201", description = "The credit note with the invoice's new amounts; the same "
      + "answer again for a retry with the same key.",
      headers = {@Header(name = "Location", ref = "Location"),
          @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditNoteView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response credit(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "one line", value = """
                                 {"reason": "Pad set returned unused", "lines": [{"line": 1, "quantity": 1}]}""")))
                         CreditNoteRequest request, @Context UriInfo uri) {
    UUID invoiceId = RequestIds.path("invoice", id);
    CreditRequest credit = new CreditRequest(request.reason().trim(),
        request.lines() == null ? List.of()
            : request.lines().stream().map(l -> new CreditRequest.LineCredit(l.line(), l.quantity())).toList(),
        request.amount() == null ? null : Money.parse(request.amount(), "amount"));
    CreditNoteService.Result result = creditNotes.issue(caller.get(), invoiceId, credit, key);
    if (!result.replayed()) {
      metrics.creditNoteIssued(result.invoice().getShopId());
    }
    return Response.created(uri.getBaseUriBuilder().path("invoices").path(invoiceId.toString())
            .path("credit-notes").path(result.creditNote().getId().toString()).build())
        .header(REPLAYED, Boolean.toString(result.replayed()))
        .entity(CreditNoteView.of(result.creditNote(), result.invoice())).build();
  }

  @GET
  @Path("{id}/credit-notes")
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "listCreditNotes", summary = "List an invoice's credit notes",
      description = "The credit notes issued against the invoice.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "200", description = "The credit notes.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditNoteList.class)))
  public Map<String, List<CreditNoteView>> creditNotes(@PathParam("id") String id) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return Map.of("items", creditNotes.of(invoice.getId()).stream().map(c -> CreditNoteView.of(c, invoice))
        .toList());
  }

  @GET
  @Path("{id}/credit-notes/{creditNoteId}")
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "getCreditNote", summary = "Read a credit note",
      description = "The credit note as issued, with the invoice's amounts now.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  public CreditNoteView creditNote(@PathParam("id") String id, @PathParam("creditNoteId") String creditNoteId) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return CreditNoteView.of(creditNotes.get(invoice.getId(), RequestIds.path("credit note", creditNoteId)), invoice);
  }

  @GET
  @Path("{id}/credit-notes/{creditNoteId}/pdf")
  @Produces("application/pdf")
  @Requires(Capability.MANAGE_MONEY)
  @Operation(operationId = "getCreditNotePdf", summary = "The credit note as a PDF",
      description = "The invoice it corrects, the reason, the credited lines and the tax on them, rendered from "
          + "what was frozen at issue. PDF/A-2b.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_MONEY"))
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response creditNotePdf(@PathParam("id") String id, @PathParam("creditNoteId") String creditNoteId,
                                @Parameter(description = LANG) @QueryParam("lang") String lang) {
    UUID invoiceId = RequestIds.path("invoice", id);
    UUID note = RequestIds.path("credit note", creditNoteId);
    return DocumentResponses.pdf(documents.creditNote(caller.get(), invoiceId, note,
        DocumentResponses.language(lang)));
  }
}
