package dev.mechanics.files;

import java.util.regex.Pattern;

/** Keys are built by the application, never taken from a client: letters, digits and - _ . / only, no "..". */
public final class FileKeys {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,1023}");

  private FileKeys() {
  }

  public static String require(String key) {
    if (key == null || !SAFE.matcher(key).matches() || key.contains("..") || key.contains("//")) {
      throw new IllegalArgumentException("not a valid file key: " + key);
    }
    return key;
  }
}
