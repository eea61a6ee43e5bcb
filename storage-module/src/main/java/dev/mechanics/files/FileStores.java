package dev.mechanics.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link FileStore}: Blob Storage with {@code AZURE_STORAGE_CONNECTION_STRING}, else with
 * {@code AZURE_STORAGE_ACCOUNT_URL} and the managed identity, else the local folder {@code STORAGE_LOCAL_DIR}.
 */
@ApplicationScoped
public class FileStores {

  private static final Logger LOG = Logger.getLogger(FileStores.class.getName());

  @Inject
  @ConfigProperty(name = "AZURE_STORAGE_CONNECTION_STRING")
  Optional<String> connectionString;

  @Inject
  @ConfigProperty(name = "AZURE_STORAGE_ACCOUNT_URL")
  Optional<String> accountUrl;

  @Inject
  @ConfigProperty(name = "STORAGE_CONTAINER_UPLOADS", defaultValue = "uploads")
  String uploadsContainer;

  @Inject
  @ConfigProperty(name = "STORAGE_CONTAINER_BACKUPS", defaultValue = "backups")
  String backupsContainer;

  @Inject
  @ConfigProperty(name = "STORAGE_LOCAL_DIR")
  Optional<String> localDir;

  @Produces
  @ApplicationScoped
  FileStore fileStore() {
    Map<FileArea, String> containers = Map.of(FileArea.UPLOADS, requireContainerName("STORAGE_CONTAINER_UPLOADS",
        uploadsContainer), FileArea.BACKUPS, requireContainerName("STORAGE_CONTAINER_BACKUPS", backupsContainer));
    FileStore store;
    if (present(connectionString)) {
      try {
        store = AzureBlobFileStore.withConnectionString(connectionString.get().trim(), containers);
      } catch (RuntimeException e) {
        throw new IllegalStateException("AZURE_STORAGE_CONNECTION_STRING is not a valid connection string", e);
      }
    } else if (present(accountUrl)) {
      String url = accountUrl.get().trim();
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalStateException("AZURE_STORAGE_ACCOUNT_URL must be an http(s) URL");
      }
      store = AzureBlobFileStore.withManagedIdentity(url, containers);
    } else {
      store = new LocalFolderFileStore(Path.of(present(localDir) ? localDir.get().trim()
          : Path.of(System.getProperty("server.output.dir", System.getProperty("java.io.tmpdir")), "files")
          .toString()));
    }
    LOG.info("File store: " + store.describe());
    return store;
  }

  private static boolean present(Optional<String> value) {
    return value.isPresent() && !value.get().isBlank();
  }

  /** Blob container names: 3-63 lower-case letters, digits and single hyphens. */
  private static String requireContainerName(String variable, String name) {
    if (!name.matches("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}")) {
      throw new IllegalStateException(variable + " is not a valid Blob container name");
    }
    return name;
  }
}
