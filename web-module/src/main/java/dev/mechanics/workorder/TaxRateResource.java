package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.mechanics.platform.web.ContentTags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shop's tax rates (several; labor and parts taxed separately). PUT replaces the whole set. */
@ApplicationScoped
@Path("/shops/{shopId}/tax-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class TaxRateResource {

  @Inject
  TaxRateService taxRates;

  @Inject
  CurrentCaller caller;

  public record TaxRateRequest(@NotBlank @Size(max = 60) String name,
                               @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
                               @Digits(integer = 1, fraction = 4) BigDecimal rate,
                               @NotNull Boolean appliesToLabor, @NotNull Boolean appliesToParts) {
  }

  public record TaxRatesRequest(@NotNull @Size(max = 10) List<@Valid @NotNull TaxRateRequest> items) {
  }

  /** The document's name for {@code {"items": [...]}} of tax rates. */
  @Schema(name = "TaxRates")
  record TaxRates(@Schema(type = SchemaType.ARRAY, implementation = TaxRule.class) List<TaxRule> items) {
  }

  @GET
  @Operation(operationId = "listTaxRates", summary = "Read the shop's tax rates",
      description = "The shop's tax rates and whether each applies to labor, to parts, or both.")
  @APIResponse(responseCode = "200", description = "The tax rates.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaxRates.class)))
  public Response list(@PathParam("shopId") String shopId) {
    return rates(taxRates.of(RequestIds.path("shop", shopId, Id::new)));
  }

  private static Response rates(List<TaxRule> rules) {
    return Response.ok(Map.of("items", rules)).tag(new EntityTag(TaxRateService.versionOf(rules))).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "replaceTaxRates", summary = "Set the shop's tax rates",
      description = "Replaces the shop's tax rates as a whole (`rate` is a fraction: 0.0825 for 8.25 %); work "
          + "orders are totalled with the new rates, issued invoices keep theirs. With `If-Match` (the `ETag` "
          + "of a previous read) only those rates are replaced: 412 when someone changed them since. Owners, and "
          + "managers of this shop (a manager of another shop: 403).",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The tax rates.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaxRates.class)))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  public Response replace(@PathParam("shopId") String shopId,
      @Parameter(description = "The `ETag` of a previous read; absent or `*`: whatever the rates are now.")
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "state and city", value = """
              {"items": [{"name": "State sales tax", "rate": 0.0625, "appliesToLabor": false, "appliesToParts": true},
                         {"name": "City tax", "rate": 0.02, "appliesToLabor": true, "appliesToParts": true}]}""")))
      TaxRatesRequest request) {
    List<TaxRule> rules = request.items().stream()
        .map(r -> new TaxRule(r.name().trim(), r.rate(), r.appliesToLabor(), r.appliesToParts())).toList();
    return rates(taxRates.replace(caller.get(), RequestIds.path("shop", shopId, Id::new),
        ContentTags.expected(ifMatch, "tax rates"), rules));
  }
}
