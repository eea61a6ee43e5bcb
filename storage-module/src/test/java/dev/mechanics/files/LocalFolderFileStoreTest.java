package dev.mechanics.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderFileStoreTest {

  @TempDir
  Path dir;

  @Test
  void aFileComesBackWithItsTypeAndSizeAndIsListedAndDeleted() throws Exception {
    FileStore store = new LocalFolderFileStore(dir);
    byte[] body = "brake pads worn to 2 mm".getBytes(StandardCharsets.UTF_8);
    StoredFile stored = store.put(FileArea.UPLOADS, "org/wo/photo-1", new ByteArrayInputStream(body), -1,
        "image/jpeg");
    assertThat(stored.size()).isEqualTo(body.length);
    assertThat(store.get(FileArea.UPLOADS, "org/wo/photo-1")).get().extracting(StoredFile::contentType)
        .isEqualTo("image/jpeg");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.stream(FileArea.UPLOADS, "org/wo/photo-1", out);
    assertThat(out.toByteArray()).isEqualTo(body);
    store.put(FileArea.UPLOADS, "org/other/x", new ByteArrayInputStream(body), body.length, "application/pdf");
    assertThat(store.list(FileArea.UPLOADS, "org/wo/", 10)).extracting(StoredFile::key)
        .containsExactly("org/wo/photo-1");
    assertThat(store.list(FileArea.BACKUPS, "", 10)).isEmpty();
    assertThat(store.delete(FileArea.UPLOADS, "org/wo/photo-1")).isTrue();
    assertThat(store.get(FileArea.UPLOADS, "org/wo/photo-1")).isEmpty();
    assertThatThrownBy(() -> store.open(FileArea.UPLOADS, "org/wo/photo-1")).isInstanceOf(FileNotFound.class);
  }

  @Test
  void keysCannotClimbOutOfTheFolder() {
    FileStore store = new LocalFolderFileStore(dir);
    assertThatThrownBy(() -> store.get(FileArea.UPLOADS, "../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(FileArea.UPLOADS, "/abs")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Issue 15.10: the anonymous health probe must cost the same with ten files or ten million. */
  @Test
  void theHealthProbeReadsNoFile() throws Exception {
    FileStore store = new LocalFolderFileStore(dir) {
      @Override
      public List<StoredFile> list(FileArea area, String prefix, int limit) {
        throw new AssertionError("the probe walked the files");
      }
    };
    store.put(FileArea.UPLOADS, "org/wo/photo-1", new ByteArrayInputStream(new byte[] {1}), 1, "image/jpeg");
    store.probe();
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThatThrownBy(() -> new LocalFolderFileStore(notAFolder).probe()).isInstanceOf(UncheckedIOException.class);
  }
}
