package dev.mechanics.tenancy;

import dev.mechanics.platform.Languages;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.documents.DocumentStyle;
import dev.mechanics.platform.documents.DocumentView;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds {@link Letterhead}s. The language of what a reader gets: the one asked for ({@code ?lang=}), else the
 * reader's own (a customer's or staff member's preferred language), else the shop's; the region of the shop
 * fills in number formats when the reader's tag has none.
 */
@ApplicationScoped
public class Letterheads {

  @Inject
  ShopService shops;

  @Inject
  Organizations organizations;

  /** {@code asked}: a checked tag from the request, or null; {@code readerLanguage}: the reader's own, or null. */
  public Letterhead of(Shop shop, String asked, String readerLanguage) {
    return of(shop, asked, readerLanguage, true);
  }

  /** Without the logo (a mail shows it inline from {@link Letterhead#logo()} either way). */
  public Letterhead of(Shop shop, String asked, String readerLanguage, boolean withLogo) {
    DocumentSettings settings = shop.getDocumentSettings();
    Locale locale = Languages.forRecipient(settings.language(), asked != null ? asked : readerLanguage);
    Organization organization = organizations.find(shop.getOrganizationId())
        .orElseThrow(() -> new IllegalStateException("shop " + shop.getId() + " without organization"));
    ShopLogo logo = withLogo ? shops.logoOf(shop).orElse(null) : null;
    List<DocumentView.Field> numbers = new ArrayList<>();
    settings.registrationNumbers().forEach(n -> numbers.add(DocumentView.Field.of(n.label(), n.value())));
    DocumentView.ShopBlock block = new DocumentView.ShopBlock(shop.getName(), blank(settings.legalName()),
        lines(shop.getAddress()), blank(shop.getPhone()), blank(settings.email()), blank(settings.website()),
        numbers, Letterhead.dataUri(logo));
    return new Letterhead(block, DocumentStyle.accent(settings.accentColor()), logo, locale,
        Formats.of(locale, shop.getTimeZone(), organization.getCurrency()), Messages.of(locale), settings);
  }

  @Inject
  StaffMembers staff;

  @Inject
  Shops shopList;

  /** What a staff member receives comes from the first shop they work in (else the organization's first). */
  public Letterhead forStaff(StaffMember member) {
    Shop shop = staff.membershipsOf(member.getId()).stream().findFirst()
        .flatMap(m -> shopList.find(m.getShopId()))
        .orElseGet(() -> firstShop());
    return of(shop, null, member.getPreferredLanguage());
  }

  /**
   * The organization as a whole (the shop report): its name instead of a shop's, the first shop's logo, time
   * zone and language, unless the reader has their own.
   */
  public Letterhead forOrganization(UUID organizationId, String readerLanguage) {
    Letterhead first = of(firstShop(), null, readerLanguage);
    Organization organization = organizations.find(organizationId)
        .orElseThrow(() -> new IllegalStateException("no organization " + organizationId));
    DocumentView.ShopBlock block = new DocumentView.ShopBlock(organization.getName(), null, List.of(), null, null,
        null, List.of(), first.block().logo());
    return new Letterhead(block, first.accent(), first.logo(), first.locale(),
        Formats.of(first.locale(), organization.getTimeZone(), organization.getCurrency()), first.messages(),
        first.settings());
  }

  private Shop firstShop() {
    return shopList.list(new PageRequest(null, 1)).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("an organization without shops"));
  }

  /** A free-text address as its lines (commas or line breaks), empty when there is none. */
  public static List<String> lines(String address) {
    if (address == null || address.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : address.split("\\r?\\n")) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
    }
    return out;
  }

  public static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
