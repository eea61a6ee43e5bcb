package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.PayloadTooLarge;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A shop's logo for its documents and mails: a PNG (at most 2000 x 2000 pixels) or an SVG drawing without
 * scripts or outside references, at most 512 KiB, checked before it is stored in Blob Storage.
 */
@ApplicationScoped
@Path("/shops/{shopId}/logo")
@Tag(name = "Shops")
public class ShopLogoResource {

  @Inject
  ShopService shops;

  @Inject
  CurrentCaller caller;

  @GET
  @Produces({ShopLogo.PNG, ShopLogo.SVG})
  @Operation(operationId = "getShopLogo", summary = "Read a shop's logo",
      description = "The logo as uploaded (PNG or SVG); 404 when the shop has none.")
  @APIResponse(responseCode = "200", description = "The logo.",
      content = {@Content(mediaType = ShopLogo.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = ShopLogo.SVG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  public Response get(@PathParam("shopId") String id) {
    Shop shop = shops.get(RequestIds.path("shop", id, Id::new));
    ShopLogo logo = shops.logoOf(shop).orElseThrow(() -> new DomainException.NotFound("logo", "of this shop"));
    // an SVG is shown as an image, never as a page of this origin that could run anything
    return Response.ok(logo.content(), logo.contentType()).header("Content-Security-Policy", "default-src 'none'; "
        + "style-src 'unsafe-inline'; sandbox").header("Cache-Control", "private, max-age=300").build();
  }

  @PUT
  @Consumes({ShopLogo.PNG, ShopLogo.SVG})
  @Produces("application/json")
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "uploadShopLogo", summary = "Upload a shop's logo",
      description = "The raw PNG (at most 2000 x 2000 pixels) or SVG (a plain drawing: no scripts, no outside "
          + "references) as the body, at most 512 KiB; replaces the one before. 413 when larger, 415 for another "
          + "type, 422 when the content is not a readable PNG or a plain SVG. Owners, and managers of this shop.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The shop's document settings, naming the logo's type.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ShopDocumentSettingsResource.DocumentSettingsView.class)))
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response upload(@PathParam("shopId") String id, @RequestBody(required = true, content = {
      @Content(mediaType = ShopLogo.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = ShopLogo.SVG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
      InputStream body) throws IOException {
    Id<Shop> shopId = RequestIds.path("shop", id, Id::new);
    byte[] content = body.readNBytes(ShopLogo.MAX_BYTES + 1);
    if (content.length > ShopLogo.MAX_BYTES) {
      throw new PayloadTooLarge(ShopLogo.MAX_BYTES);
    }
    Shop shop = shops.useLogo(caller.get(), shopId, content);
    return Response.ok(ShopDocumentSettingsResource.DocumentSettingsView.of(shop), "application/json").build();
  }

  @DELETE
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "removeShopLogo", summary = "Remove a shop's logo",
      description = "Its documents and mails go without a logo from now on; 404 when it has none. Owners, and "
          + "managers of this shop.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response remove(@PathParam("shopId") String id) {
    shops.removeLogo(caller.get(), RequestIds.path("shop", id, Id::new));
    return Response.noContent().build();
  }
}
