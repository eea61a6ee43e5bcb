package dev.mechanics.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableChecksumTest {

  private static TableChecksum of(String copyText, int chunk) {
    TableChecksum sum = new TableChecksum();
    byte[] bytes = copyText.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      sum.write(bytes, i, Math.min(chunk, bytes.length - i));
    }
    return sum;
  }

  @Test
  void rowOrderAndChunkingDoNotMatterButContentDoes() {
    TableChecksum a = of("1\tBob\n2\tAlice\n3\t\\N\n", 3);
    TableChecksum b = of("3\t\\N\n1\tBob\n2\tAlice\n", 64);
    TableChecksum c = of("1\tBob\n2\tAlicf\n3\t\\N\n", 5);
    assertThat(a.rows()).isEqualTo(3);
    assertThat(a.checksum()).isEqualTo(b.checksum()).isNotEqualTo(c.checksum());
  }
}
