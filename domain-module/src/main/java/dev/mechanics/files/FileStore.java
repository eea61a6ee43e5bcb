package dev.mechanics.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where uploaded files (inspection photos, PDFs) and backups live: Azure Blob Storage in production, a local
 * folder when no storage is configured. Keys are paths such as {@code <org>/<work order>/<id>}; every method
 * streams, so memory use does not grow with the size of a file.
 */
public interface FileStore {

  /**
   * Stores {@code content} under {@code key}, replacing what was there.
   *
   * @param size the byte count when known, or -1 to stream a body of unknown length
   */
  StoredFile put(FileArea area, String key, InputStream content, long size, String contentType) throws IOException;

  /** The file's description, or empty when nothing is stored under {@code key}. */
  Optional<StoredFile> get(FileArea area, String key);

  /** Opens the file for reading; the caller closes the stream. */
  InputStream open(FileArea area, String key) throws IOException;

  /** Copies the file to {@code out}; returns the number of bytes written. */
  default long stream(FileArea area, String key, OutputStream out) throws IOException {
    try (InputStream in = open(area, key)) {
      return in.transferTo(out);
    }
  }

  /**
   * A URL that reads this one file without any other credential until {@code expiresAt} (Blob Storage: a
   * read-only SAS), offered as a download named {@code downloadName}; empty when the store cannot sign such
   * URLs (the local folder: the API then serves its own signed link).
   */
  default Optional<URI> readLink(FileArea area, String key, Instant expiresAt,
                                          String downloadName) {
    return Optional.empty();
  }

  /** Removes the file; false when nothing was stored under {@code key}. */
  boolean delete(FileArea area, String key);

  /** Files whose key starts with {@code prefix}, in key order (at most {@code limit}). */
  List<StoredFile> list(FileArea area, String prefix, int limit);

  /**
   * Copies a stored file to another area and key, replacing what was there: server-side where the store can
   * (Blob Storage's Copy Blob), else streamed through this process. Added for file-backup (issue 6).
   */
  default StoredFile copy(FileArea fromArea, String fromKey, FileArea toArea, String toKey) throws IOException {
    StoredFile source = get(fromArea, fromKey).orElseThrow(() -> new FileNotFound(fromKey));
    try (InputStream in = open(fromArea, fromKey)) {
      return put(toArea, toKey, in, source.size(), source.contentType());
    }
  }

  /**
   * Every file whose key starts with {@code prefix}, in key order, fetched lazily (a page at a time where the
   * store pages) so that a walk over a million files does not hold them all. The caller closes the stream.
   */
  default Stream<StoredFile> walk(FileArea area, String prefix) {
    return list(area, prefix, Integer.MAX_VALUE).stream();
  }

  /**
   * Proves the store answers, for the health check: one small request (a listing of at most one name under
   * {@code health/}), never a walk over the files. Throws when the store cannot be reached.
   */
  default void probe() {
    list(FileArea.UPLOADS, "health/", 1);
  }

  /** What backs this store, for health checks and logs ("azure-blob https://...", "local /var/..."). */
  String describe();
}
