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

/** A shop's stock of each part: levels, bins and reorder points, cycle counts and the movements. */
@ApplicationScoped
@Path("/shops/{shopId}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class StockResource {

  private static final String QUANTITY = "a decimal string with at most three places, such as \"2\" or \"1.5\"";

  @Inject
  StockService stock;

  @Inject
  CurrentCaller caller;

  public record StockRequest(@Size(max = 40) String bin, @NotNull String reorderPoint,
                             @NotNull String reorderQuantity) {
  }

  public record CountRequest(@NotNull String counted, @NotBlank @Size(max = 500) String reason) {
  }

  static Id<Shop> shop(String shopId) {
    return RequestIds.path("shop", shopId, Id::new);
  }

  @GET
  @Operation(operationId = "listStock", summary = "A shop's stock",
      description = "Every part the shop holds or held, with on hand, reserved and available; `low=true`: only "
          + "those at or below their reorder point (the low-stock list). Average cost only for those who see costs.")
  @APIResponse(responseCode = "200", description = "One page of stock.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.StockList.class)))
  public Listing<PartViews.StockView> list(@PathParam("shopId") String shopId,
                                           @Parameter(description = "Only parts at or below their reorder point")
                                           @QueryParam("low") boolean low,
                                           @QueryParam("limit") String limit, @QueryParam("after") String after) {
    boolean costs = PartViews.seesCosts(caller.get());
    return Listing.of(stock.list(shop(shopId), low, Listing.request(limit, after)),
        s -> PartViews.StockView.of(s, costs));
  }

  @GET
  @Path("/{partId}")
  @Operation(operationId = "getStock", summary = "One part's stock in a shop",
      description = "On hand, reserved, available, bin, reorder point and quantity (all zero, version 0, for a part "
          + "the shop never held).")
  @APIResponse(responseCode = "200", description = "The stock.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.StockView.class)))
  public Response get(@PathParam("shopId") String shopId, @PathParam("partId") String partId) {
    Stock s = stock.get(shop(shopId), RequestIds.path("part", partId));
    return Response.ok(PartViews.StockView.of(s, PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(s.getVersion())).build();
  }

  @PUT
  @Path("/{partId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "setStockLevels", summary = "Set a part's bin and reorder figures in a shop",
      description = "Owners and the managers of the shop; `If-Match` is the stock's `ETag`. Quantities are "
          + QUANTITY + "; 422 when negative.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The stock.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.StockView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response configure(@PathParam("shopId") String shopId, @PathParam("partId") String partId,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                examples = @ExampleObject(name = "bin A3", value = """
                                    {"bin": "A3", "reorderPoint": "2", "reorderQuantity": "10"}""")))
                            StockRequest request) {
    Id<Shop> shop = shop(shopId);
    UUID part = RequestIds.path("part", partId);
    long version = Versions.required(ifMatch);
    Stock s = stock.configure(caller.get(), shop, part, version, PartResource.blank(request.bin()),
        Quantities.zeroOrMore(request.reorderPoint(), "reorderPoint"),
        Quantities.zeroOrMore(request.reorderQuantity(), "reorderQuantity"));
    return Response.ok(PartViews.StockView.of(s, PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(s.getVersion())).build();
  }

  @POST
  @Path("/{partId}/counts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "countStock", summary = "Record a cycle count",
      description = "What was counted in the bin; the difference to on hand is booked as an ADJUSTED movement with "
          + "the reason (audited). Owners and the managers of the shop; `If-Match` is the stock's `ETag`. 422 "
          + "for a negative count or one below what is reserved.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The stock after the count.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.StockView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response count(@PathParam("shopId") String shopId, @PathParam("partId") String partId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "two missing", value = """
                                {"counted": "8", "reason": "Two sets damaged in the bin"}"""))) CountRequest request) {
    Id<Shop> shop = shop(shopId);
    UUID part = RequestIds.path("part", partId);
    long version = Versions.required(ifMatch);
    Stock s = stock.count(caller.get(), shop, part, version, Quantities.zeroOrMore(request.counted(), "counted"),
        request.reason().trim());
    return Response.ok(PartViews.StockView.of(s, PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(s.getVersion())).build();
  }

  @GET
  @Path("/{partId}/movements")
  @Requires(Capability.SEE_COSTS)
  @Operation(operationId = "listStockMovements", summary = "A part's stock movements in a shop",
      description = "Every change, oldest first: what, how many, why, who and when. On hand and reserved are the "
          + "sums of these deltas.",
      extensions = @Extension(name = "x-requires", value = "SEE_COSTS"))
  @APIResponse(responseCode = "200", description = "One page of movements.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.MovementList.class)))
  public Listing<PartViews.MovementView> movements(@PathParam("shopId") String shopId,
                                                   @PathParam("partId") String partId,
                                                   @QueryParam("limit") String limit,
                                                   @QueryParam("after") String after) {
    return Listing.of(stock.movements(shop(shopId), RequestIds.path("part", partId), Listing.request(limit, after)),
        PartViews.MovementView::of);
  }
}
