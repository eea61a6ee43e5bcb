package dev.mechanics.parts;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A shop's stock: reading it, its bins and reorder points, cycle counts, its settings, the low-stock list. */
@ApplicationScoped
@Transactional
public class StockService {

  @Inject
  Shops shops;

  @Inject
  Parts parts;

  @Inject
  Stocks stocks;

  @Inject
  AuditTrail audit;

  /** One part's stock in a shop (zero when never held); 404 for an unknown shop or part. */
  public Stock get(Id<Shop> shop, UUID partId) {
    shops.require(shop.value());
    parts.require(partId);
    return stocks.findOrEmpty(shop.value(), partId);
  }

  public Page<Stock> list(Id<Shop> shop, boolean lowOnly, PageRequest page) {
    shops.require(shop.value());
    return Page.of(stocks.ofShop(shop.value(), lowOnly, page), page.limit(), Stock::getId);
  }

  /** Bin and reorder figures (managers of the shop); {@code If-Match} "0" for a part the shop never held. */
  public Stock configure(Caller caller, Id<Shop> shop, UUID partId, long expectedVersion, String bin,
                         BigDecimal reorderPoint, BigDecimal reorderQuantity) {
    requireManager(caller, shop, "set its bins and reorder points");
    parts.require(partId);
    Stock stock = stocks.lock(shop.value(), partId);
    stock.requireVersion(expectedVersion, "stock");
    stock.configure(bin, reorderPoint, reorderQuantity);
    parts.flush();
    return stock;
  }

  /** A cycle count of a bin: the difference becomes an adjustment with its reason (audited). */
  public Stock count(Caller caller, Id<Shop> shop, UUID partId, long expectedVersion, BigDecimal counted,
                     String reason) {
    requireManager(caller, shop, "count its stock");
    parts.require(partId);
    Stock stock = stocks.lock(shop.value(), partId);
    stock.requireVersion(expectedVersion, "stock");
    BigDecimal before = stock.getOnHand();
    StockMovement movement = stock.count(counted, reason, new Stock.Ref("count", stock.getId()));
    stocks.book(movement);
    parts.flush();
    Map<String, String> after = new LinkedHashMap<>();
    after.put("partId", partId.toString());
    after.put("onHand", Quantities.text(counted));
    after.put("difference", Quantities.text(movement.getOnHandDelta()));
    after.put("reason", reason);
    audit.record("stock.adjusted", "stock", stock.getId(), shop.value(),
        Map.of("partId", partId.toString(), "onHand", Quantities.text(before)), after);
    return stock;
  }

  public Page<StockMovement> movements(Id<Shop> shop, UUID partId, PageRequest page) {
    shops.require(shop.value());
    parts.require(partId);
    return Page.of(stocks.movements(shop.value(), partId, page), page.limit(), StockMovement::getId);
  }

  public InventorySettings settings(Id<Shop> shop) {
    shops.require(shop.value());
    return parts.settings(shop.value()).orElseGet(() -> new InventorySettings(Tenancy.current(), shop.value()));
  }

  public InventorySettings changeSettings(Caller caller, Id<Shop> shop, long expectedVersion,
                                         boolean allowBackorders) {
    requireManager(caller, shop, "change its inventory settings");
    InventorySettings settings = parts.settings(shop.value()).orElse(null);
    if (settings == null) {
      settings = new InventorySettings(Tenancy.current(), shop.value());
      settings.requireVersion(expectedVersion, "inventory settings");
      parts.add(settings);
    } else {
      settings.requireVersion(expectedVersion, "inventory settings");
    }
    settings.allowBackorders(allowBackorders);
    parts.flush();
    return settings;
  }

  /** What to reorder, per vendor: each low part with its reorder quantity at the catalogue cost. */
  public record Proposal(String vendor, List<ProposedLine> lines) {
  }

  public record ProposedLine(Part part, Stock stock, BigDecimal quantity) {
  }

  /** The low-stock list of a shop as proposed purchase orders (one per vendor). */
  public List<Proposal> lowStock(Id<Shop> shop) {
    shops.require(shop.value());
    Map<String, List<ProposedLine>> byVendor = new LinkedHashMap<>();
    for (Stock s : stocks.ofShop(shop.value(), true, new PageRequest(null, PageRequest.MAX_LIMIT))) {
      Part part = parts.require(s.getPartId());
      String vendor = part.getVendor() == null ? "" : part.getVendor();
      byVendor.computeIfAbsent(vendor, v -> new java.util.ArrayList<>())
          .add(new ProposedLine(part, s, s.getReorderQuantity()));
    }
    return byVendor.entrySet().stream().map(e -> new Proposal(e.getKey(), e.getValue())).toList();
  }

  private void requireManager(Caller caller, Id<Shop> shop, String action) {
    shops.require(shop.value());
    caller.requireIn(Capability.MANAGE_PARTS, shop.value(), action);
  }
}
