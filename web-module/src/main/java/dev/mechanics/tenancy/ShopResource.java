package dev.mechanics.tenancy;

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

/** Locations of the caller's organization. */
@Path("/shops")
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

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
  public Listing<ShopView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    return Listing.of(shops.list(Listing.request(limit, after)), ShopView::of);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    Shop shop = shops.get(RequestIds.path("shop", id, Id::new));
    return Response.ok(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.OPEN_SHOPS)
  public Response open(@Valid @NotNull ShopRequest request, @Context UriInfo uri) {
    Shop shop = shops.open(caller.get(), request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(shop.getId().toString()).build())
        .entity(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull ShopRequest request) {
    Id<Shop> shopId = RequestIds.path("shop", id, Id::new);
    Shop shop = shops.change(caller.get(), shopId, Versions.required(ifMatch), request.details());
    return Response.ok(ShopView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }
}
