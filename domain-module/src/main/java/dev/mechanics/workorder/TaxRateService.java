package dev.mechanics.workorder;

import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** A shop's tax rates (several; labor and parts taxed separately), replaced as a whole by its managers. */
@ApplicationScoped
@Transactional
public class TaxRateService {

  @Inject
  TaxRates taxRates;

  @Inject
  Shops shops;

  public List<TaxRule> of(Id<Shop> shop) {
    shops.require(shop.value());
    return taxRates.rulesOf(shop.value());
  }

  public List<TaxRule> replace(Caller caller, Id<Shop> shop, List<TaxRule> rules) {
    shops.require(shop.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shop.value(), "change its tax rates");
    List<TaxRate> rates = new ArrayList<>();
    for (TaxRule rule : rules) {
      rates.add(new TaxRate(Tenancy.current(), shop.value(), rates.size() + 1, rule));
    }
    taxRates.replace(shop.value(), rates);
    return taxRates.rulesOf(shop.value());
  }
}
