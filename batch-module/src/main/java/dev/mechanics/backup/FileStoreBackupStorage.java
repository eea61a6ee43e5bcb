package dev.mechanics.backup;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileNotFound;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StoredFile;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The backup container of the {@link FileStore} (area BACKUPS: Blob Storage, or the local folder). A backup is
 * written as a stream while the store reads it: the store's upload runs on a managed thread and reads from a
 * {@link StreamPipe}, so memory stays bounded and a failed backup leaves no object behind.
 */
@ApplicationScoped
public class FileStoreBackupStorage implements BackupStorage {

  /** Far more than a backup container ever holds in one day's prefix; listing is by key order. */
  private static final int LIST_LIMIT = 100_000;

  @Inject
  FileStore files;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Override
  public Upload create(String key, String contentType) {
    StreamPipe pipe = new StreamPipe();
    Future<StoredFile> upload = executor.submit(() -> {
      try (InputStream in = pipe.source()) {
        return files.put(FileArea.BACKUPS, key, in, -1, contentType);
      }
    });
    return pipe.sink(upload);
  }

  @Override
  public InputStream open(String key) throws IOException {
    return files.open(FileArea.BACKUPS, key);
  }

  @Override
  public boolean exists(String key) {
    return files.get(FileArea.BACKUPS, key).isPresent();
  }

  @Override
  public long size(String key) throws IOException {
    return files.get(FileArea.BACKUPS, key).orElseThrow(() -> new FileNotFound(key)).size();
  }

  @Override
  public List<String> list(String prefix) {
    return files.list(FileArea.BACKUPS, prefix, LIST_LIMIT).stream().map(StoredFile::key).sorted().toList();
  }

  @Override
  public void delete(String key) {
    files.delete(FileArea.BACKUPS, key);
  }
}
