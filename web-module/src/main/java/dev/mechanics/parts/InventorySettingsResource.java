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

/** A shop's inventory settings (backorders). */
@ApplicationScoped
@Path("/shops/{shopId}/inventory-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class InventorySettingsResource {

  @Inject
  StockService stock;

  @Inject
  CurrentCaller caller;

  public record SettingsRequest(@NotNull Boolean allowBackorders) {
  }

  @GET
  @Operation(operationId = "getInventorySettings", summary = "A shop's inventory settings",
      description = "Whether part lines may take more than is available (the rest shows as on order).")
  @APIResponse(responseCode = "200", description = "The settings.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.SettingsView.class)))
  public Response get(@PathParam("shopId") String shopId) {
    InventorySettings s = stock.settings(StockResource.shop(shopId));
    return Response.ok(PartViews.SettingsView.of(s)).tag(Versions.etag(s.getVersion())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "changeInventorySettings", summary = "Change a shop's inventory settings",
      description = "Owners and the managers of the shop; `If-Match` is the settings' `ETag`.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The settings.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.SettingsView.class)))
  public Response change(@PathParam("shopId") String shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "backorders", value = """
                                 {"allowBackorders": true}"""))) SettingsRequest request) {
    Id<Shop> shop = StockResource.shop(shopId);
    long version = Versions.required(ifMatch);
    InventorySettings s = stock.changeSettings(caller.get(), shop, version, request.allowBackorders());
    return Response.ok(PartViews.SettingsView.of(s)).tag(Versions.etag(s.getVersion())).build();
  }
}
