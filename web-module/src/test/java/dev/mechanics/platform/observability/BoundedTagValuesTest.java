package dev.mechanics.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 15.4: the per-shop series stay bounded however many shops sign up. */
class BoundedTagValuesTest {

  @Test
  void theFirstShopsKeepTheirSeriesAndLaterOnesShareOne() {
    BoundedTagValues shops = new BoundedTagValues(3);
    Set<String> series = new HashSet<>();
    String first = UUID.randomUUID().toString();
    for (int i = 0; i < 10_000; i++) {
      series.add(shops.of(i == 0 ? first : UUID.randomUUID().toString()));
    }
    assertThat(series).hasSize(4).contains(first, BoundedTagValues.OTHER);
    assertThat(shops.of(first)).as("a kept shop stays itself").isEqualTo(first);
  }
}
