package dev.mechanics.files;

import java.io.IOException;

/** Nothing is stored under the key that was opened. */
public class FileNotFound extends IOException {
  public FileNotFound(String key) {
    super("No file stored under " + key);
  }
}
