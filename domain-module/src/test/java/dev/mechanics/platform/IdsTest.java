package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersion7AndOrderedByCreationTime() throws InterruptedException {
    UUID first = Ids.newId();
    Thread.sleep(2);
    UUID second = Ids.newId();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.compareTo(second)).isNegative();
    assertThat(first.getMostSignificantBits() >>> 16).isCloseTo(System.currentTimeMillis(),
        org.assertj.core.data.Offset.offset(5_000L));
  }

  @Test
  void idsAreUnique() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.newId());
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void parseRejectsWhatIsNotAUuid() {
    assertThat(Ids.parse("not-a-uuid")).isEmpty();
    assertThat(Ids.parse(null)).isEmpty();
    assertThat(Ids.parse("1-1-1-1-1")).isEmpty();
    UUID id = Ids.newId();
    assertThat(Ids.parse(id.toString())).contains(id);
  }
}
