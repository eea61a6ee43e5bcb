package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Locations of the caller's organization. Owners open shops; owners and the shop's managers change them. */
@ApplicationScoped
@Transactional
public class ShopService {

  private static final Logger LOG = Logger.getLogger(ShopService.class.getName());

  @Inject
  Shops shops;

  @Inject
  AuditTrail audit;

  @Inject
  FileStore files;

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

  /** The shop's identity on documents and its document settings (owners, and the shop's managers). */
  public Shop configureDocuments(Caller caller, Id<Shop> id, long expectedVersion, DocumentSettings settings) {
    Shop shop = configurable(caller, id);
    shop.requireVersion(expectedVersion, "shop");
    Map<String, String> before = documentState(shop);
    shop.configureDocuments(settings);
    audit.record("shop.documents-configured", "shop", shop.getId(), shop.getId(), before, documentState(shop));
    return shop;
  }

  /** Stores a checked logo under a new key; the old one is removed once the shop points at the new one. */
  public Shop useLogo(Caller caller, Id<Shop> id, byte[] content) {
    Shop shop = configurable(caller, id);
    ShopLogo logo = ShopLogo.check(content);
    String key = shop.getOrganizationId() + "/shops/" + shop.getId() + "/logo-" + Ids.newId();
    try {
      files.put(FileArea.UPLOADS, key, new ByteArrayInputStream(logo.content()), logo.content().length,
          logo.contentType());
    } catch (IOException e) {
      throw new UncheckedIOException("storing the logo failed", e);
    }
    String previous = shop.getLogoKey();
    shop.useLogo(key, logo.contentType());
    audit.record("shop.logo-changed", "shop", shop.getId(), shop.getId(), null,
        Map.of("contentType", logo.contentType(), "bytes", Integer.toString(logo.content().length)));
    removeQuietly(previous);
    return shop;
  }

  public Shop removeLogo(Caller caller, Id<Shop> id) {
    Shop shop = configurable(caller, id);
    String previous = shop.getLogoKey();
    if (previous == null) {
      throw new DomainException.NotFound("logo", "of shop " + shop.getName());
    }
    shop.useLogo(null, null);
    audit.record("shop.logo-removed", "shop", shop.getId(), shop.getId(), null, null);
    removeQuietly(previous);
    return shop;
  }

  /** The shop's logo as stored, or empty when it has none (or its file is gone). */
  public Optional<ShopLogo> logoOf(Shop shop) {
    if (shop.getLogoKey() == null) {
      return Optional.empty();
    }
    try (InputStream in = files.open(FileArea.UPLOADS, shop.getLogoKey())) {
      return Optional.of(new ShopLogo(in.readNBytes(ShopLogo.MAX_BYTES + 1), shop.getLogoContentType()));
    } catch (IOException | RuntimeException e) {
      LOG.warning("Logo of shop " + shop.getId() + " could not be read (" + e.getMessage() + "); documents go "
          + "without it");
      return Optional.empty();
    }
  }

  private Shop configurable(Caller caller, Id<Shop> id) {
    Shop shop = get(id);
    if (!caller.mayIn(Capability.CONFIGURE_SHOP, shop.getId())) {
      throw new DomainException.Forbidden("Only an owner or this shop's manager can change it");
    }
    return shop;
  }

  private void removeQuietly(String key) {
    if (key != null) {
      try {
        files.delete(FileArea.UPLOADS, key);
      } catch (RuntimeException e) {
        LOG.warning("Old logo " + key + " was not removed: " + e.getMessage());
      }
    }
  }

  private static Map<String, String> documentState(Shop s) {
    DocumentSettings d = s.getDocumentSettings();
    Map<String, String> state = new HashMap<>();
    state.put("legalName", d.legalName());
    state.put("registrationNumbers", d.registrationNumbers().toString());
    state.put("language", d.language());
    state.put("emailInvoices", Boolean.toString(d.emailInvoices()));
    return state;
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
