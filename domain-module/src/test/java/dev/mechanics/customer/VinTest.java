package dev.mechanics.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VinTest {

  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  @Test
  void acceptsRealVinsWithTheirCheckDigit() {
    assertThat(Vin.problemWith("1HGCM82633A004352")).isEmpty();
    assertThat(Vin.problemWith("11111111111111111")).isEmpty();
    assertThat(new Vin("1hgcm82633a004352").value()).isEqualTo("1HGCM82633A004352");
  }

  @Test
  void explainsWhatIsWrong() {
    assertThat(Vin.problemWith("1HGCM82633A00435")).contains("must be exactly 17 characters");
    assertThat(Vin.problemWith("1HGCM8263IA004352")).contains("must not contain the letters I, O or Q");
    assertThat(Vin.problemWith("1HGCM82633A00435!")).contains("may contain only letters and digits");
    assertThat(Vin.problemWith("1HGCM82643A004352").orElseThrow()).startsWith("check digit");
    assertThatThrownBy(() -> new Vin("1HGCM82643A004352")).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void aComputedCheckDigitIsAlwaysAccepted(@ForAll("candidates") String candidate) {
    assertThat(Vin.problemWith(Vin.withCheckDigit(candidate))).isEmpty();
  }

  @Property
  void changingTheCheckDigitIsAlwaysRejected(@ForAll("candidates") String candidate) {
    String vin = Vin.withCheckDigit(candidate);
    char other = vin.charAt(8) == '7' ? '8' : '7';
    assertThat(Vin.problemWith(vin.substring(0, 8) + other + vin.substring(9))).isPresent();
  }

  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.strings().withChars(VIN_CHARS.toCharArray()).ofLength(17);
  }
}
