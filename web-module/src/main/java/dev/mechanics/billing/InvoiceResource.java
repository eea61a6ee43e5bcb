package dev.mechanics.billing;

import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invoices (issued from repair orders) and their payments; managers and owners bill and take money. */
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
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

  /** {@code line}: the line's index on the invoice (on a credit note, the invoice line it credits). */
  public record InvoiceLineView(String type, String description, BigDecimal quantity, String unitPrice,
                                String amount, int line) {
  }

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
          d.lines().stream().map(l -> new InvoiceLineView(l.type(), l.description(), l.quantity(),
              l.unitPrice().toString(), l.amount().toString(), l.invoiceLine())).toList(),
          d.taxes().stream().map(t -> new TaxView(t.name(), t.rate(), t.amount().toString())).toList(),
          i.getSubtotal().toString(), i.getTaxTotal().toString(), i.getTotal().toString(),
          i.getAmountPaid().toString(), i.getBalanceDue().toString(), i.getStatus(), i.getVersion(),
          i.getAmountCredited().toString(), i.getRefundDue().toString());
    }
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
  public Listing<InvoiceView> list(@QueryParam("shopId") String shopId, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
    return Listing.of(invoices.list(RequestIds.field("shopId", shopId, Id::new), Listing.request(limit, after)),
        InvoiceView::of);
  }

  @GET
  @Path("{id}")
  @Requires(Capability.READ_INVOICES)
  public Response get(@PathParam("id") String id) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return Response.ok(InvoiceView.of(invoice)).tag(Versions.etag(invoice.getVersion())).build();
  }

  /** The invoice as a PDF, rendered from what was frozen at issue. */
  @GET
  @Path("{id}/pdf")
  @Produces("application/pdf")
  @Requires(Capability.READ_INVOICES)
  public Response pdf(@PathParam("id") String id) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    Shop shop = invoices.shopOf(invoice);
    StreamingOutput body = out -> InvoicePdf.write(invoice, shop.getName(), shop.getTimeZone(),
        out);
    return Response.ok(body, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + invoice.getNumber() + ".pdf\"").build();
  }

  @GET
  @Path("{id}/payments")
  @Requires(Capability.READ_INVOICES)
  public Map<String, List<PaymentView>> payments(@PathParam("id") String id) {
    return Map.of("items", payments.payments(RequestIds.path("invoice", id)).stream()
        .map(p -> PaymentView.of(p, null)).toList());
  }

  /** Idempotency-Key is required: a retry returns the first answer; the key with another body is 422. */
  @POST
  @Path("{id}/payments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_MONEY)
  public Response pay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                      @Valid @NotNull PaymentRequest request, @Context UriInfo uri) {
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
          d.lines().stream().map(l -> new InvoiceLineView(l.type(), l.description(), l.quantity(),
              l.unitPrice().toString(), l.amount().toString(), l.invoiceLine())).toList(),
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
  public Response credit(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                         @Valid @NotNull CreditNoteRequest request, @Context UriInfo uri) {
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
  public Map<String, List<CreditNoteView>> creditNotes(@PathParam("id") String id) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return Map.of("items", creditNotes.of(invoice.getId()).stream().map(c -> CreditNoteView.of(c, invoice))
        .toList());
  }

  @GET
  @Path("{id}/credit-notes/{creditNoteId}")
  @Requires(Capability.MANAGE_MONEY)
  public CreditNoteView creditNote(@PathParam("id") String id, @PathParam("creditNoteId") String creditNoteId) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    return CreditNoteView.of(creditNotes.get(invoice.getId(), RequestIds.path("credit note", creditNoteId)), invoice);
  }

  @GET
  @Path("{id}/credit-notes/{creditNoteId}/pdf")
  @Produces("application/pdf")
  @Requires(Capability.MANAGE_MONEY)
  public Response creditNotePdf(@PathParam("id") String id, @PathParam("creditNoteId") String creditNoteId) {
    Invoice invoice = invoices.get(RequestIds.path("invoice", id));
    CreditNote note = creditNotes.get(invoice.getId(), RequestIds.path("credit note", creditNoteId));
    Shop shop = invoices.shopOf(invoice);
    StreamingOutput body = out -> InvoicePdf.write(note, invoice, shop.getName(),
        shop.getTimeZone(), out);
    return Response.ok(body, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + note.getNumber() + ".pdf\"").build();
  }
}
