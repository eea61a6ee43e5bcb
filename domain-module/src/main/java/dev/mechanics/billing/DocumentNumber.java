package dev.mechanics.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The human number of an invoice or a credit note: gapless per shop and calendar year, the year taken in the
 * shop's time zone (INV-2026-000045, CN-2026-000001). Allocated by {@link YearlyNumbers}.
 */
@Embeddable
public class DocumentNumber {

  @Column(name = "number", nullable = false, updatable = false, length = 24)
  private String text;

  @Column(nullable = false, updatable = false)
  private int year;

  @Column(nullable = false, updatable = false)
  private long sequence;

  protected DocumentNumber() {
  }

  DocumentNumber(String prefix, int year, long sequence) {
    this.text = "%s-%d-%06d".formatted(prefix, year, sequence);
    this.year = year;
    this.sequence = sequence;
  }

  /** The calendar year of {@code at} where the shop is (a New Year's Eve invoice belongs to the old year). */
  static int yearAt(Instant at, ZoneId shopZone) {
    return at.atZone(shopZone).getYear();
  }

  public int year() {
    return year;
  }

  public long sequence() {
    return sequence;
  }

  @Override
  public String toString() {
    return text;
  }
}
