package dev.mechanics.billing;

import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.workorder.NumberSequences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Allocates invoice and credit-note numbers: per shop and year, in the calling transaction. The counter row
 * stays locked until that transaction ends, so concurrent documents queue and a rollback gives the number
 * back: no gaps, no duplicates.
 */
@ApplicationScoped
public class YearlyNumbers {

  /** What is numbered: its counter in number_sequences and its prefix. */
  public enum Kind {
    INVOICE(NumberSequences.INVOICE, "INV"), CREDIT_NOTE(NumberSequences.CREDIT_NOTE, "CN");

    private final String counter;
    private final String prefix;

    Kind(String counter, String prefix) {
      this.counter = counter;
      this.prefix = prefix;
    }
  }

  @Inject
  NumberSequences numbers;

  @Inject
  Shops shops;

  public DocumentNumber next(Kind kind, UUID shopId) {
    ZoneId zone = shops.find(shopId).map(s -> ZoneId.of(s.getTimeZone())).orElse(ZoneId.of("UTC"));
    int year = DocumentNumber.yearAt(Instant.now(), zone);
    return new DocumentNumber(kind.prefix, year, numbers.next(Tenancy.current(), shopId, kind.counter, year));
  }
}
