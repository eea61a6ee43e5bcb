package dev.mechanics.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The version of a setting that is replaced as a whole and has no row of its own to count versions on (a shop's
 * tax rates, its board): a digest of its parts in order, so any change by anyone changes it and no change keeps
 * it. Sent as the ETag; a replacement with another {@code If-Match} is 412.
 */
public final class ContentVersion {

  private ContentVersion() {
  }

  /** The digest of the parts' text (records: their components); "v" and 24 hex digits. */
  public static String of(List<?> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object part : parts) {
        byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
      }
      return "v" + HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails with 412 when {@code expected} (null: whatever it is) is not the current version. */
  public static void require(String what, String expected, List<?> current) {
    if (expected != null && !expected.equals(of(current))) {
      throw new DomainException.StaleVersion(what);
    }
  }
}
