package dev.mechanics.platform;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * The languages documents and mails are written in, as BCP 47 tags: the language ({@code en}, {@code es}) and,
 * optionally, the region whose number and date formats to use ({@code es-MX}). A shop has one; a customer's or a
 * staff member's own language overrides the shop's language on what they receive, keeping the shop's region.
 */
public final class Languages {

  /** The languages that have document and mail texts. */
  public static final Set<String> SUPPORTED = Set.of("en", "es");

  public static final String DEFAULT = "en-US";

  private Languages() {
  }

  /** The tag in canonical form ("es-MX"), or 422 on {@code field} for a malformed or unsupported one. */
  public static String check(String field, String tag) {
    Locale locale = parse(tag);
    if (locale == null || !SUPPORTED.contains(locale.getLanguage())) {
      throw DomainException.InvalidInput.field(field, "must be a language tag such as en, en-US, es or es-MX "
          + "(documents are written in " + String.join(", ", SUPPORTED.stream().sorted().toList()) + ")");
    }
    return locale.toLanguageTag();
  }

  /**
   * What a recipient reads: their own language when it is set and supported, else the shop's; the region (number
   * and date formats) is the recipient's own when their tag names one, else the shop's.
   */
  public static Locale forRecipient(String shopTag, String recipientTag) {
    Locale shop = supportedOr(parse(shopTag), Locale.forLanguageTag(DEFAULT));
    Locale own = parse(recipientTag);
    if (own == null || !SUPPORTED.contains(own.getLanguage())) {
      return shop;
    }
    return own.getCountry().isEmpty()
        ? new Locale.Builder().setLanguage(own.getLanguage()).setRegion(shop.getCountry()).build() : own;
  }

  private static Locale supportedOr(Locale locale, Locale fallback) {
    return locale != null && SUPPORTED.contains(locale.getLanguage()) ? locale : fallback;
  }

  private static Locale parse(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 16) {
      return null;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
      return locale.getLanguage().isEmpty() ? null : locale;
    } catch (IllformedLocaleException e) {
      return null;
    }
  }
}
