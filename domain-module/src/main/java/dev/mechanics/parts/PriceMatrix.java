package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The organization's parts-pricing matrix, the usual shop practice: the selling price of a part without its own
 * is its cost plus a markup that falls as the cost rises. Tiers are ordered by their upper cost bound; the last
 * has none (every cost above). Pure rules, stored as text ({@code "10.00:100;50.00:60;:35"}).
 */
public record PriceMatrix(List<Tier> tiers) {

  /** Costs up to {@code upToCost} (inclusive; null: any cost) sell at cost x (1 + markupPercent / 100). */
  public record Tier(Money upToCost, BigDecimal markupPercent) {
  }

  /** Without a matrix, a part without its own price sells at cost. */
  public static final PriceMatrix AT_COST = new PriceMatrix(List.of(new Tier(null, BigDecimal.ZERO)));

  public PriceMatrix {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty() || tiers.get(tiers.size() - 1).upToCost() != null) {
      throw DomainException.InvalidInput.field("tiers", "the last tier must have no upToCost (every cost above)");
    }
    Money previous = null;
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      if (tier.markupPercent() == null || tier.markupPercent().signum() < 0
          || tier.markupPercent().compareTo(new BigDecimal("1000")) > 0) {
        throw DomainException.InvalidInput.field("tiers[" + i + "].markupPercent", "must be from 0 to 1000");
      }
      if (i < tiers.size() - 1) {
        if (tier.upToCost() == null || (previous != null && tier.upToCost().compareTo(previous) <= 0)) {
          throw DomainException.InvalidInput.field("tiers[" + i + "].upToCost",
              "every tier but the last needs an upToCost greater than the one before");
        }
        previous = tier.upToCost();
      }
    }
  }

  /** The selling price of a part costing {@code cost}: rounded half-even to the cent, once. */
  public Money priceFor(Money cost) {
    Tier tier = tiers.stream().filter(t -> t.upToCost() == null || cost.compareTo(t.upToCost()) <= 0)
        .findFirst().orElseThrow();
    BigDecimal factor = BigDecimal.ONE.add(tier.markupPercent().movePointLeft(2));
    return Money.rounded(cost.amount().multiply(factor));
  }

  String text() {
    List<String> parts = new ArrayList<>();
    for (Tier t : tiers) {
      parts.add((t.upToCost() == null ? "" : t.upToCost().toString()) + ":"
          + t.markupPercent().stripTrailingZeros().toPlainString());
    }
    return String.join(";", parts);
  }

  static PriceMatrix parse(String text) {
    List<Tier> tiers = new ArrayList<>();
    for (String part : text.split(";")) {
      String[] kv = part.split(":", 2);
      tiers.add(new Tier(kv[0].isEmpty() ? null : Money.of(kv[0]), new BigDecimal(kv[1])));
    }
    return new PriceMatrix(tiers);
  }

  /** Rounds a cost with more places (a moving average) to the cent, for a line's unit cost. */
  static Money cents(BigDecimal cost) {
    return new Money(cost.setScale(2, RoundingMode.HALF_EVEN));
  }
}
