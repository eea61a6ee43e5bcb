package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One purchase order: order it, receive deliveries (exactly once per Idempotency-Key), cancel it. */
@ApplicationScoped
@Path("/purchase-orders/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class PurchaseOrderResource {

  private static final String REPLAYED = "Idempotent-Replayed";

  @Inject
  PurchaseOrderService orders;

  @Inject
  CurrentCaller caller;

  public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
  }

  public record ReceivedLineRequest(@NotBlank String lineId, @NotNull String quantity) {
  }

  public record ReceiptRequest(@NotNull @Size(min = 1, max = 200) List<@Valid @NotNull ReceivedLineRequest> lines) {
  }

  static Response ok(PurchaseOrder order) {
    return Response.ok(OrderViews.PurchaseOrderView.of(order)).tag(Versions.etag(order.getVersion())).build();
  }

  @GET
  @Requires(Capability.SEE_COSTS)
  @Operation(operationId = "getPurchaseOrder", summary = "A purchase order",
      description = "The order with its lines, what has arrived and what is outstanding.",
      extensions = @Extension(name = "x-requires", value = "SEE_COSTS"))
  @APIResponse(responseCode = "200", description = "The purchase order.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderView.class)))
  public Response get(@PathParam("id") String id) {
    return ok(orders.get(RequestIds.path("purchase order", id)));
  }

  @POST
  @Path("/order")
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "placePurchaseOrder", summary = "Send a draft to the vendor",
      description = "DRAFT becomes ORDERED (those who handle stock in its shop); `If-Match` is its `ETag`. 409 "
          + "unless it is a draft.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "200", description = "The purchase order.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response order(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    UUID orderId = RequestIds.path("purchase order", id);
    return ok(orders.order(caller.get(), orderId, Versions.required(ifMatch)));
  }

  @POST
  @Path("/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "cancelPurchaseOrder", summary = "Cancel a purchase order",
      description = "A draft or ordered purchase order is cancelled with a reason (audited); owners and the "
          + "managers of its shop; `If-Match` is its `ETag`. 409 once anything was received.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The purchase order.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "vendor", value = """
                                 {"reason": "Vendor cannot deliver this month"}"""))) CancelRequest request) {
    UUID orderId = RequestIds.path("purchase order", id);
    return ok(orders.cancel(caller.get(), orderId, Versions.required(ifMatch), request.reason().trim()));
  }

  @POST
  @Path("/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "receivePurchaseOrder", summary = "Receive a delivery",
      description = "Books what arrived, line by line (some lines, or part of a line): on hand grows and the "
          + "average cost moves at the line's unit cost; part lines waiting for the part are filled first. Exactly "
          + "once per `Idempotency-Key` (a retry answers the order as it is, with `Idempotent-Replayed: true`). "
          + "409 unless the order is ORDERED or PARTLY_RECEIVED; 422 beyond what is outstanding, for a quantity "
          + "that is not positive, or a key used with another body.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "200", description = "The purchase order after the delivery.",
      headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response receive(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "part", value = """
                                  {"lines": [{"lineId": "0193f1c2-0000-7000-8000-000000000020", "quantity": "4"}]}""")))
                          ReceiptRequest request) {
    UUID orderId = RequestIds.path("purchase order", id);
    java.util.ArrayList<PurchaseOrderService.Received> received = new java.util.ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      ReceivedLineRequest l = request.lines().get(i);
      received.add(new PurchaseOrderService.Received(RequestIds.field("lines[" + i + "].lineId", l.lineId()),
          Quantities.positive(l.quantity(), "lines[" + i + "].quantity")));
    }
    PurchaseOrderService.ReceiptResult result = orders.receive(caller.get(), orderId, received, key);
    return Response.ok(OrderViews.PurchaseOrderView.of(result.order())).tag(Versions.etag(result.order().getVersion()))
        .header(REPLAYED, Boolean.toString(result.replayed())).build();
  }
}
