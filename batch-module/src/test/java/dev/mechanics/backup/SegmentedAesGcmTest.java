package dev.mechanics.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentedAesGcmTest {

  private static final byte[] KEY = "test-only-backup-key-32-bytes!!!".getBytes();
  private final SegmentedAesGcm aead = new SegmentedAesGcm(KEY);

  private byte[] decrypt(SegmentedAesGcm with, byte[] sealed) throws IOException {
    try (InputStream in = with.decrypt(new ByteArrayInputStream(sealed))) {
      return in.readAllBytes();
    }
  }

  @Test
  void roundTripsAnyLengthAroundSegmentBoundaries() throws IOException {
    Random random = new Random(42);
    for (int length : new int[] {0, 1, 1023, 1024, 1025, 2048, 5000}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      byte[] sealed = SegmentedAesGcm.roundTrip(aead, data, 1024);
      assertThat(decrypt(aead, sealed)).isEqualTo(data);
    }
  }

  @Test
  void anyChangedByteIsRefused() throws IOException {
    byte[] data = new byte[4000];
    new Random(1).nextBytes(data);
    byte[] sealed = SegmentedAesGcm.roundTrip(aead, data, 1024);
    for (int position : new int[] {40, 33 + 1024 + 16 + 5, sealed.length - 1}) {
      byte[] corrupt = sealed.clone();
      corrupt[position] ^= 0x01;
      assertThatThrownBy(() -> decrypt(aead, corrupt)).isInstanceOf(SegmentedAesGcm.BackupCorrupted.class);
    }
  }

  @Test
  void truncatedOrExtendedObjectsAndWrongKeysAreRefused() throws IOException {
    byte[] data = new byte[3000];
    new Random(2).nextBytes(data);
    byte[] sealed = SegmentedAesGcm.roundTrip(aead, data, 1024);
    // dropping the last segment leaves a stream whose new last segment was sealed as "not last"
    byte[] truncated = Arrays.copyOf(sealed, 32 + 2 * (1024 + 16));
    assertThatThrownBy(() -> decrypt(aead, truncated)).isInstanceOf(SegmentedAesGcm.BackupCorrupted.class);
    byte[] extended = Arrays.copyOf(sealed, sealed.length + 20);
    assertThatThrownBy(() -> decrypt(aead, extended)).isInstanceOf(SegmentedAesGcm.BackupCorrupted.class);
    SegmentedAesGcm other = new SegmentedAesGcm("another-key-of-exactly-32-bytes!".getBytes());
    assertThatThrownBy(() -> decrypt(other, sealed)).isInstanceOf(SegmentedAesGcm.BackupCorrupted.class);
  }

  @Test
  void theSameDataEncryptsDifferentlyEachTime() throws IOException {
    byte[] data = new byte[100];
    assertThat(SegmentedAesGcm.roundTrip(aead, data, 1024)).isNotEqualTo(SegmentedAesGcm.roundTrip(aead, data, 1024));
  }
}
