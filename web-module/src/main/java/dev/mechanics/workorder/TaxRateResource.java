package dev.mechanics.workorder;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A shop's tax rates (several; labor and parts taxed separately). PUT replaces the whole set. */
@Path("/shops/{shopId}/tax-rates")
@Produces(MediaType.APPLICATION_JSON)
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

  @GET
  public Map<String, List<TaxRule>> list(@PathParam("shopId") String shopId) {
    return Map.of("items", taxRates.of(RequestIds.path("shop", shopId, Id::new)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  public Map<String, List<TaxRule>> replace(@PathParam("shopId") String shopId,
                                            @Valid @NotNull TaxRatesRequest request) {
    List<TaxRule> rules = request.items().stream()
        .map(r -> new TaxRule(r.name().trim(), r.rate(), r.appliesToLabor(), r.appliesToParts())).toList();
    return Map.of("items", taxRates.replace(caller.get(), RequestIds.path("shop", shopId, Id::new), rules));
  }
}
