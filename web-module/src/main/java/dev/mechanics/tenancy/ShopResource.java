package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Locations of the caller's organization. */
@ApplicationScoped
@Path("/shops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class ShopResource {

  private static final String EXAMPLE = """
      {"name": "Northside", "timeZone": "America/Chicago", "phone": "+1 555 010 4000",
       "address": "400 North Ave, Springfield", "laborRate": 145.00}""";

  @Inject
  ShopService shops;

  @Inject
  CurrentCaller caller;

  public record ShopRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @TimeZoneId String timeZone,
      @Size(max = 40) String phone,
      @Size(max = 500) String address,
      @DecimalMin("0.00") @DecimalMax("99999.99") @Digits(integer = 5, fraction = 2) BigDecimal laborRate) {

    ShopDetails details() {
      return new ShopDetails(name.trim(), timeZone, phone, address, laborRate);
    }
  }

  /** {@code laborRate} travels as a decimal string ("145.00"), never a JSON float. */
  public record ShopView(UUID id, String name, String timeZone, String phone, String address, String laborRate,
                         long version) {
    static ShopView of(Shop shop) {
      return new ShopView(shop.getId(), shop.getName(), shop.getTimeZone(), shop.getPhone(), shop.getAddress(),
          shop.getLaborRate().setScale(2).toPlainString(), shop.getVersion());
    }
  }

  @GET
  @Operation(operationId = "listShops", summary = "List shops",
      description = "The organization's shops, a page at a time.")
  public Listing<ShopView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    return Listing.of(shops.list(Listing.request(limit, after)), ShopView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getShop", summary = "Read a shop",
      description = "The shop with its version as the `ETag`.")
  @APIResponse(responseCode = "200", description = "The shop.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopView.class)))
  public Response get(@PathParam("id") String id) {
    Shop shop = shops.get(RequestIds.path("shop", id, Id::new));
    return Response.ok(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.OPEN_SHOPS)
  @Operation(operationId = "openShop", summary = "Open a shop",
      description = "Adds a shop to the organization, with the default board and no tax rates. 409 when the "
          + "organization already has a shop of this name.",
      extensions = @Extension(name = "x-requires", value = "OPEN_SHOPS"))
  @APIResponse(responseCode = "201", description = "The new shop.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response open(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "shop", value = EXAMPLE))) ShopRequest request, @Context UriInfo uri) {
    Shop shop = shops.open(caller.get(), request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(shop.getId().toString()).build())
        .entity(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "changeShop", summary = "Change a shop",
      description = "Replaces the shop's name, time zone, phone, address and labor rate. Owners, and managers of "
          + "this shop (a manager of another shop: 403). 409 when another shop has this name.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The shop.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "shop", value = EXAMPLE))) ShopRequest request) {
    Id<Shop> shopId = RequestIds.path("shop", id, Id::new);
    Shop shop = shops.change(caller.get(), shopId, Versions.required(ifMatch), request.details());
    return Response.ok(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }
}
