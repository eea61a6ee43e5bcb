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
import dev.mechanics.platform.Money;

/** A shop's purchase orders and the orders its low-stock list proposes. */
@ApplicationScoped
@Path("/shops/{shopId}/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class ShopPurchaseOrderResource {

  @Inject
  PurchaseOrderService orders;

  @Inject
  StockService stock;

  @Inject
  CurrentCaller caller;

  public record OrderLineRequest(@NotBlank String partId, @NotNull String quantity,
                                 @jakarta.validation.constraints.Pattern(regexp = "\\d{1,12}(\\.\\d{1,2})?",
                                     message = "must be an amount such as \"12.50\" (at most two decimal places, "
                                         + "not negative)") String unitCost) {
  }

  public record OrderRequest(@NotBlank @Size(max = 120) String vendor,
                             @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull OrderLineRequest> lines) {
    List<PurchaseOrderService.OrderLine> orderLines() {
      java.util.ArrayList<PurchaseOrderService.OrderLine> list = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        OrderLineRequest l = lines.get(i);
        list.add(new PurchaseOrderService.OrderLine(RequestIds.field("lines[" + i + "].partId", l.partId()),
            Quantities.positive(l.quantity(), "lines[" + i + "].quantity"),
            l.unitCost() == null ? null : Money.parse(l.unitCost(), "lines[" + i + "].unitCost")));
      }
      return list;
    }
  }

  @GET
  @Requires(Capability.SEE_COSTS)
  @Operation(operationId = "listPurchaseOrders", summary = "A shop's purchase orders",
      description = "Oldest first, with their lines and what has arrived.",
      extensions = @Extension(name = "x-requires", value = "SEE_COSTS"))
  @APIResponse(responseCode = "200", description = "One page of purchase orders.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderList.class)))
  public Listing<OrderViews.PurchaseOrderView> list(@PathParam("shopId") String shopId,
                                                    @QueryParam("limit") String limit,
                                                    @QueryParam("after") String after) {
    return Listing.of(orders.list(StockResource.shop(shopId), Listing.request(limit, after)),
        OrderViews.PurchaseOrderView::of);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "createPurchaseOrder", summary = "Draft a purchase order",
      description = "A draft to a vendor for this shop (those who handle stock in it); `unitCost` defaults to the "
          + "catalogue cost. 422 for a part of no catalogue of the organization or a quantity that is not positive.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "201", description = "The draft.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.PurchaseOrderView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@PathParam("shopId") String shopId,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "pads", value = """
                                 {"vendor": "Parts Co", "lines": [{"partId": "0193f1c2-0000-7000-8000-000000000010",
                                   "quantity": "10", "unitCost": "36.50"}]}"""))) OrderRequest request,
                         @Context UriInfo uri) {
    Id<Shop> shop = StockResource.shop(shopId);
    PurchaseOrder order = orders.draft(caller.get(), shop, request.vendor().trim(), request.orderLines());
    return Response.created(uri.getBaseUriBuilder().path("purchase-orders").path(order.getId().toString()).build())
        .entity(OrderViews.PurchaseOrderView.of(order)).tag(Versions.etag(order.getVersion())).build();
  }

  @GET
  @Path("/proposals")
  @Requires(Capability.SEE_COSTS)
  @Operation(operationId = "proposePurchaseOrders", summary = "Purchase orders the low-stock list proposes",
      description = "One proposal per vendor: each part at or below its reorder point, at its reorder quantity.",
      extensions = @Extension(name = "x-requires", value = "SEE_COSTS"))
  @APIResponse(responseCode = "200", description = "The proposals.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.ProposalList.class)))
  public OrderViews.ProposalList proposals(@PathParam("shopId") String shopId) {
    return new OrderViews.ProposalList(stock.lowStock(StockResource.shop(shopId)).stream()
        .map(OrderViews.ProposalView::of).toList());
  }
}
