package dev.mechanics.files;

import java.io.IOException;

/**
 * The store did not answer in time or refused to (connection refused, timed out, a 5xx after the bounded
 * retries): the request can be tried again later, unlike a missing file. The API answers 503 (docs/adr/0047).
 */
public class StorageUnavailable extends IOException {
  public StorageUnavailable(String what, Throwable cause) {
    super(what + ": Blob Storage did not answer (" + cause.getClass().getSimpleName() + ")", cause);
  }

  /** Whether {@code error} or one of its causes is a store that did not answer. */
  public static boolean causes(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StorageUnavailable) {
        return true;
      }
    }
    return false;
  }
}
