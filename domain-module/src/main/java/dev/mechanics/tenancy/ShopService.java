package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Locations of the caller's organization. Owners open shops; owners and the shop's managers change them. */
@ApplicationScoped
@Transactional
public class ShopService {

  @Inject
  Shops shops;

  @Inject
  AuditTrail audit;

  public Page<Shop> list(PageRequest page) {
    return Page.of(shops.list(page), page.limit(), Shop::getId);
  }

  public Shop get(Id<Shop> id) {
    return shops.require(id.value());
  }

  public Shop open(Caller caller, ShopDetails details) {
    if (!caller.may(Capability.OPEN_SHOPS)) {
      throw new DomainException.Forbidden("Only an owner can open a shop");
    }
    requireUniqueName(details.name(), null);
    Shop shop = new Shop(Tenancy.current(), details);
    shops.add(shop);
    audit.record("shop.opened", "shop", shop.getId(), shop.getId(), null, state(shop));
    return shop;
  }

  public Shop change(Caller caller, Id<Shop> id, long expectedVersion, ShopDetails details) {
    Shop shop = get(id);
    if (!caller.mayIn(Capability.CONFIGURE_SHOP, shop.getId())) {
      throw new DomainException.Forbidden("Only an owner or this shop's manager can change it");
    }
    shop.requireVersion(expectedVersion, "shop");
    requireUniqueName(details.name(), id.value());
    Map<String, String> before = state(shop);
    shop.apply(details);
    audit.record("shop.changed", "shop", shop.getId(), shop.getId(), before, state(shop));
    return shop;
  }

  /** Labor rate is money: its changes are what the audit is for. */
  static Map<String, String> state(Shop s) {
    Map<String, String> state = new HashMap<>();
    state.put("shopName", s.getName());
    state.put("timeZone", s.getTimeZone());
    state.put("laborRate", s.getLaborRate() == null ? null : s.getLaborRate().toPlainString());
    return state;
  }

  private void requireUniqueName(String name, UUID exceptId) {
    if (shops.nameTaken(name, exceptId)) {
      throw new DomainException.Conflict("A shop with this name already exists",
          List.of(new DomainException.FieldProblem("name", "is already used by another shop")));
    }
  }
}
