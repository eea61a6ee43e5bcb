package dev.mechanics.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The backup container, as the backup jobs need it: streamed writes that become an object only when they end
 * without error, streamed reads, listing by prefix, delete. Adapter: {@code FileStoreBackupStorage} over the
 * files context's {@link dev.mechanics.files.FileStore} (Blob Storage, or a local folder).
 */
public interface BackupStorage {

  /** An object being written: {@link #close()} stores it, {@link #abort(Throwable)} discards it. */
  abstract class Upload extends OutputStream {
    /** Discards what was written; nothing is stored under the key. Closing afterwards does nothing. */
    public abstract void abort(Throwable cause);
  }

  Upload create(String key, String contentType) throws IOException;

  InputStream open(String key) throws IOException;

  boolean exists(String key) throws IOException;

  long size(String key) throws IOException;

  /** Keys under {@code prefix}, sorted. */
  List<String> list(String prefix) throws IOException;

  void delete(String key) throws IOException;
}
