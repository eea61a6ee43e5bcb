package dev.mechanics.workorder;

import dev.mechanics.platform.ContentVersion;
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
    return replace(caller, shop, null, rules);
  }

  /** The rates' version (the ETag): a digest of the rules in order. */
  public static String versionOf(List<TaxRule> rules) {
    return ContentVersion.of(rules);
  }

  /** Replaces the rates if they are still those of {@code expectedVersion} (null: whatever they are), else 412. */
  public List<TaxRule> replace(Caller caller, Id<Shop> shop, String expectedVersion, List<TaxRule> rules) {
    shops.require(shop.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shop.value(), "change its tax rates");
    shops.requireForUpdate(shop.value());
    ContentVersion.require("tax rates", expectedVersion, taxRates.rulesOf(shop.value()));
    List<TaxRate> rates = new ArrayList<>();
    for (TaxRule rule : rules) {
      rates.add(new TaxRate(Tenancy.current(), shop.value(), rates.size() + 1, rule));
    }
    taxRates.replace(shop.value(), rates);
    return taxRates.rulesOf(shop.value());
  }
}
