package dev.mechanics.comeback;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderKind;
import dev.mechanics.workorder.WorkOrderLine;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

/** The shop's warranty window: how long after a repair a re-repair is the shop's comeback. */
@ApplicationScoped
@Path("/shops/{shopId}/warranty-window")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class WarrantyWindowResource {

  @Inject
  ComebackService comebacks;

  @Inject
  VehicleHistoryService history;

  @Inject
  CurrentCaller caller;

  public record WindowRequest(@NotNull @Min(0) @Max(3650) Integer days, @NotNull @Min(0) @Max(1000000) Integer miles) {
  }

  public record WindowView(UUID shopId, int days, int miles) {
    static WindowView of(ComebackService.Window w) {
      return new WindowView(w.shopId(), w.days(), w.miles());
    }
  }

  @GET
  @Operation(operationId = "getWarrantyWindow", summary = "Read the shop's warranty window",
      description = "How long after a repair a re-repair is the shop's comeback: days since the invoice and miles "
          + "since the original's mileage (90 days and 4000 miles until the shop sets its own).")
  @APIResponse(responseCode = "200", description = "The window.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowView.class)))
  public Response window(@PathParam("shopId") String shopId) {
    ComebackService.Window window = comebacks.windowOf(RequestIds.path("shop", shopId, Id::new));
    return Response.ok(WindowView.of(window)).tag(Versions.etag(window.version())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "changeWarrantyWindow", summary = "Change the shop's warranty window",
      description = "Sets days and miles (`If-Match`). Owners, and managers of this shop.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The window.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowView.class)))
  public Response changeWindow(@PathParam("shopId") String shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "six months", value = """
                                       {"days": 180, "miles": 6000}"""))) WindowRequest request) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    ComebackService.Window window = comebacks.changeWindow(caller.get(), shop, Versions.required(ifMatch),
        request.days(), request.miles());
    return Response.ok(WindowView.of(window)).tag(Versions.etag(window.version())).build();
  }
}
