package dev.mechanics.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files in a local folder, for the run command and single-machine installs. Each file has a sibling
 * {@code .type} file holding its content type; writes go to a temporary file first and are moved into place,
 * so a reader never sees half a file.
 */
public class LocalFolderFileStore implements FileStore {

  private static final String TYPE_SUFFIX = ".type";
  private final Path root;

  public LocalFolderFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  private Path pathOf(FileArea area, String key) {
    Path path = root.resolve(area.name().toLowerCase()).resolve(FileKeys.require(key)).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("not a valid file key: " + key);
    }
    return path;
  }

  @Override
  public StoredFile put(FileArea area, String key, InputStream content, long size, String contentType)
      throws IOException {
    Path target = pathOf(area, key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
    try {
      Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(typeFileOf(target), contentType == null ? "application/octet-stream" : contentType);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return describe(target, key).orElseThrow();
  }

  @Override
  public Optional<StoredFile> get(FileArea area, String key) {
    return describe(pathOf(area, key), key);
  }

  @Override
  public InputStream open(FileArea area, String key) throws IOException {
    try {
      return Files.newInputStream(pathOf(area, key));
    } catch (NoSuchFileException e) {
      throw new FileNotFound(key);
    }
  }

  @Override
  public boolean delete(FileArea area, String key) {
    Path path = pathOf(area, key);
    try {
      Files.deleteIfExists(typeFileOf(path));
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<StoredFile> list(FileArea area, String prefix, int limit) {
    Path areaRoot = root.resolve(area.name().toLowerCase());
    if (!Files.isDirectory(areaRoot)) {
      return List.of();
    }
    String wanted = prefix == null ? "" : prefix;
    try (Stream<Path> files = Files.walk(areaRoot)) {
      List<String> keys = files.filter(Files::isRegularFile)
          .map(p -> areaRoot.relativize(p).toString().replace('\\', '/'))
          .filter(k -> !k.endsWith(TYPE_SUFFIX) && !k.contains("/.upload-") && !k.startsWith(".upload-"))
          .filter(k -> k.startsWith(wanted))
          .sorted()
          .limit(limit)
          .toList();
      List<StoredFile> result = new ArrayList<>();
      for (String k : keys) {
        describe(areaRoot.resolve(k), k).ifPresent(result::add);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder is there and writable: checked without reading a single file (listing walks the whole tree). */
  @Override
  public void probe() {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isWritable(root)) {
      throw new UncheckedIOException(new IOException("the file store's folder is not writable"));
    }
  }

  @Override
  public String describe() {
    return "local " + root;
  }

  private static Path typeFileOf(Path file) {
    return file.resolveSibling(file.getFileName() + TYPE_SUFFIX);
  }

  private static Optional<StoredFile> describe(Path file, String key) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Path typeFile = typeFileOf(file);
      String type = Files.exists(typeFile) ? Files.readString(typeFile).trim() : "application/octet-stream";
      return Optional.of(new StoredFile(key, type, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
