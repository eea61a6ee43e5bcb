package dev.mechanics.platform.documents;

import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How values read on a document or in a mail: amounts with the currency symbol in the reader's locale
 * ("$1,234.50", "1.234,50 €"), dates and times in the shop's time zone, times in words for mails ("Wednesday,
 * December 2, 2026 at 12:25 PM Pacific Standard Time"), never an ISO timestamp.
 */
public record Formats(Locale locale, ZoneId zone, Currency currency) {

  public static Formats of(Locale locale, String zone, String currency) {
    return new Formats(locale, ZoneId.of(zone), Currency.getInstance(currency));
  }

  public String money(Money amount) {
    return amount == null ? "" : money(amount.amount());
  }

  public String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  /** A quantity or hours: as few decimals as it has, grouped as the locale groups. */
  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(3);
    return format.format(value.stripTrailingZeros());
  }

  public String number(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  /** A percentage such as 10.25 %: the rate is a fraction (0.1025). */
  public String percent(BigDecimal rate) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMaximumFractionDigits(3);
    return format.format(rate);
  }

  /** "Nov 25, 2026" / "25 nov 2026". */
  public String date(Instant at) {
    return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
        .format(at.atZone(zone));
  }

  public String date(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
  }

  /** "November 25, 2026" / "25 de noviembre de 2026". */
  public String longDate(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
  }

  /** "November 2026" / "noviembre de 2026". */
  public String month(LocalDate day) {
    return DateTimeFormatter.ofPattern(locale.getLanguage().equals("es") ? "MMMM 'de' yyyy" : "MMMM yyyy", locale)
        .format(day);
  }

  /** "Nov 25, 2026, 10:14 AM" in the zone (its short name when it is not obvious: "PST"). */
  public String dateTime(Instant at) {
    if (at == null) {
      return "";
    }
    ZonedDateTime local = at.atZone(zone);
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .format(local) + " " + zone.getDisplayName(TextStyle.SHORT, locale);
  }

  /** The date in full and the time with the zone's name, for mails: no ISO timestamp ever reaches a reader. */
  public String inWords(Instant at, Messages messages) {
    ZonedDateTime local = at.atZone(zone);
    String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local);
    String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
    String zoneName = zone.getDisplayName(TextStyle.FULL, locale);
    return messages.get("time.inWords", day, time, zoneName);
  }
}
