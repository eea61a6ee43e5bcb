package dev.mechanics.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.PageRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestParsingTest {

  @Test
  void durationsInShortAndIsoForm() {
    assertThat(DurationSetting.parse("JWT_EXPIRATION", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationSetting.parse("X", "7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationSetting.parse("X", "PT90S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> DurationSetting.parse("JWT_EXPIRATION", "soon")).hasMessageContaining("JWT_EXPIRATION");
    assertThatThrownBy(() -> DurationSetting.parse("JWT_EXPIRATION", "0m")).hasMessageContaining("JWT_EXPIRATION");
  }

  @Test
  void limitIsCappedAndValidated() {
    assertThat(Listing.request(null, null).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    assertThat(Listing.request("5000", null).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    assertThatThrownBy(() -> Listing.request("0", null)).isInstanceOf(DomainException.Malformed.class);
    assertThatThrownBy(() -> Listing.request("ten", null)).isInstanceOf(DomainException.Malformed.class);
  }

  @Test
  void cursorsRoundTripAndGarbageIsRefused() {
    UUID id = Ids.newId();
    assertThat(Listing.request("10", Listing.cursorOf(id)).after()).isEqualTo(id);
    assertThatThrownBy(() -> Listing.request("10", "%%%")).isInstanceOf(DomainException.Malformed.class);
    assertThatThrownBy(() -> Listing.request("10", "bm90LWEtdXVpZA")).isInstanceOf(DomainException.Malformed.class);
  }

  @Test
  void ifMatchNamesAVersion() {
    assertThat(Versions.required("\"3\"")).isEqualTo(3);
    assertThat(Versions.required("W/\"12\"")).isEqualTo(12);
    assertThatThrownBy(() -> Versions.required(null)).isInstanceOf(PreconditionRequired.class);
    assertThat(Versions.optional(" ")).isNull();
  }

  /** Issue 15.10: RFC 9110's If-Match, not a 400 for every tag that is not ours. */
  @Test
  void ifMatchWithAWellFormedTagThatIsNoneOfOursFailsThePreconditionAndStarMeansAnyVersion() {
    assertThatThrownBy(() -> Versions.required("\"abc\"")).isInstanceOf(PreconditionFailed.class);
    assertThatThrownBy(() -> Versions.required("W/\"3-gzip\"")).isInstanceOf(PreconditionFailed.class);
    assertThatThrownBy(() -> Versions.required("\"99999999999999999999\"")).isInstanceOf(PreconditionFailed.class);
    assertThat(Versions.required(" * ")).isEqualTo(Versions.ANY);
    assertThatThrownBy(() -> Versions.required("3")).isInstanceOf(DomainException.Malformed.class);
    assertThatThrownBy(() -> Versions.required("\"3\", \"4\"")).isInstanceOf(DomainException.Malformed.class);
    assertThatThrownBy(() -> Versions.required("\"a b\"")).isInstanceOf(DomainException.Malformed.class);
  }
}
