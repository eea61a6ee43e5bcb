package dev.mechanics.workorder;

import java.util.Arrays;
import java.util.Optional;

/** What a file really is, from its first bytes: only photos (JPEG, PNG, WebP) and PDFs are attachments. */
public final class ContentSniffer {

  public static final int NEEDED = 12;

  private ContentSniffer() {
  }

  public static Optional<String> typeOf(byte[] head, int length) {
    byte[] b = Arrays.copyOf(head, Math.max(length, 0));
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of("image/webp");
    }
    if (starts(b, '%', 'P', 'D', 'F', '-')) {
      return Optional.of("application/pdf");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
