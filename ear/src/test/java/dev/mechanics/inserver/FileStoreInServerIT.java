package dev.mechanics.inserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StoredFile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The FileStore the server injects, inside the started server: it is Blob Storage (this run's Azurite), and a
 * file of unknown length larger than one upload block goes in and comes back byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
class FileStoreInServerIT {

  @Deployment
  static WebArchive deployment() {
    return InServerArchive.of("file-store-it.war", FileStoreInServerIT.class);
  }


  @Inject
  FileStore store;

  @Inject
  @ConfigProperty(name = "AZURE_STORAGE_CONNECTION_STRING", defaultValue = "")
  String connectionString;

  /** A deterministic pseudo-random stream of {@code size} bytes that never exists in memory as a whole. */
  private static InputStream pseudoRandom(long size, long seed) {
    Random random = new Random(seed);
    return new InputStream() {
      long left = size;

      @Override
      public int read() {
        if (left-- <= 0) {
          return -1;
        }
        return random.nextInt(256);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) random.nextInt(256);
        }
        left -= n;
        return n;
      }
    };
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void aLargeFileOfUnknownLengthMakesTheRoundTripThroughAzurite() throws Exception {
    assertThat(connectionString).as("the IT server has no AZURE_STORAGE_CONNECTION_STRING: the build could not "
        + "start Azurite (see the [Azurite] lines of the build output)").isNotBlank();
    assertThat(store.describe()).startsWith("azure-blob");

    String prefix = "it/" + UUID.randomUUID() + "/";
    long size = 9L * 1024 * 1024 + 123;
    StoredFile stored = store.put(FileArea.UPLOADS, prefix + "inspection.jpg", pseudoRandom(size, 42), -1,
        "image/jpeg");
    assertThat(stored.size()).isEqualTo(size);
    assertThat(stored.contentType()).isEqualTo("image/jpeg");

    try (InputStream in = store.open(FileArea.UPLOADS, prefix + "inspection.jpg")) {
      assertThat(sha256(in)).isEqualTo(sha256(pseudoRandom(size, 42)));
    }
    store.put(FileArea.UPLOADS, prefix + "estimate.pdf", pseudoRandom(1000, 7), 1000, "application/pdf");
    assertThat(store.list(FileArea.UPLOADS, prefix, 10)).extracting(StoredFile::key)
        .containsExactly(prefix + "estimate.pdf", prefix + "inspection.jpg");

    // Seen straight through the SDK: the blob really is in Azurite's "uploads" container.
    assertThat(new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
        .getBlobContainerClient("uploads").getBlobClient(prefix + "inspection.jpg").exists()).isTrue();

    assertThat(store.delete(FileArea.UPLOADS, prefix + "inspection.jpg")).isTrue();
    assertThat(store.get(FileArea.UPLOADS, prefix + "inspection.jpg")).isEmpty();
    assertThat(store.delete(FileArea.UPLOADS, prefix + "inspection.jpg")).isFalse();
    assertThat(store.list(FileArea.BACKUPS, prefix, 10)).isEmpty();
  }
}
