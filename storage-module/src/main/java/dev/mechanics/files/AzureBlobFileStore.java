package dev.mechanics.files;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Azure Blob Storage through the azure-storage-blob SDK, with the JDK's HttpClient (no Netty inside Liberty).
 * Uploads go in 4 MiB blocks, two at a time, and downloads are read in 4 MiB ranges: memory stays constant
 * whatever the size of the file. Containers are created on first use when missing.
 *
 * <p>Timeouts and retries are bounded (docs/adr/0047; the SDK's defaults wait a minute per try, four tries with
 * back-off up to two minutes): a store that is down or hangs fails a call within about ten seconds with
 * {@link StorageUnavailable}, which the API answers with 503.
 */
public class AzureBlobFileStore implements FileStore {

  private static final long BLOCK_SIZE = 4L * 1024 * 1024;
  private final BlobServiceClient service;
  private final Map<FileArea, String> containerNames;
  private final Map<FileArea, BlobContainerClient> containers = new EnumMap<>(FileArea.class);
  /** Signed with the account key (connection string) rather than a user delegation key (managed identity). */
  private final boolean accountKey;

  AzureBlobFileStore(BlobServiceClient service, Map<FileArea, String> containerNames, boolean accountKey) {
    this.service = service;
    this.containerNames = Map.copyOf(containerNames);
    this.accountKey = accountKey;
  }

  /** With a connection string (Azurite, or an account key). */
  public static AzureBlobFileStore withConnectionString(String connectionString, Map<FileArea, String> containers) {
    return new AzureBlobFileStore(new BlobServiceClientBuilder().connectionString(connectionString)
        .httpClient(httpClient()).retryOptions(RETRIES).buildClient(), containers, true);
  }

  /** With the account URL and the managed identity (DefaultAzureCredential) of the App Service. */
  public static AzureBlobFileStore withManagedIdentity(String accountUrl, Map<FileArea, String> containers) {
    HttpClient http = httpClient();
    return new AzureBlobFileStore(new BlobServiceClientBuilder().endpoint(accountUrl).httpClient(http)
        .retryOptions(RETRIES).credential(new DefaultAzureCredentialBuilder().httpClient(http).build()).buildClient(), containers, false);
  }

  /**
   * Two tries, 0.5 s apart, each given 30 s in all (a 4 MiB block, at the slowest link we accept): with the
   * HTTP client's own limits below, a hung store costs at most 2 x 3 s + 0.5 s per call.
   */
  static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 2,
      Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(2), null);

  /** Connected in 2 s, the answer's head within 3 s of the request sent, no 5 s of silence in a body. */
  private static HttpClient httpClient() {
    return new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(5)).writeTimeout(Duration.ofSeconds(5)).build();
  }

  /** One call to the store, its failures sorted: missing (404), unavailable (no answer, 5xx), or as it came. */
  private <T> T call(String what, StoreCall<T> call) throws IOException {
    try {
      return call.run();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() >= 500 || e.getStatusCode() == 408) {
        throw new StorageUnavailable(what, e);
      }
      throw e;
    } catch (UncheckedIOException e) {
      throw new StorageUnavailable(what, e.getCause());
    } catch (RuntimeException e) {
      // the SDK reports timeouts and refused connections as reactor or plain runtime exceptions
      throw new StorageUnavailable(what, e);
    }
  }

  /** {@link #call} for the methods whose signature has no IOException. */
  private <T> T callUnchecked(String what, StoreCall<T> call) {
    try {
      return call(what, call);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T run() throws IOException;
  }

  private synchronized BlobContainerClient container(FileArea area) {
    return containers.computeIfAbsent(area, a -> {
      BlobContainerClient client = service.getBlobContainerClient(containerNames.get(a));
      client.createIfNotExists();
      return client;
    });
  }

  private BlobClient blob(FileArea area, String key) {
    return container(area).getBlobClient(FileKeys.require(key));
  }

  @Override
  public StoredFile put(FileArea area, String key, InputStream content, long size, String contentType)
      throws IOException {
    BlobParallelUploadOptions options = new BlobParallelUploadOptions(content)
        .setHeaders(new BlobHttpHeaders().setContentType(contentType))
        .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong(BLOCK_SIZE)
            .setMaxSingleUploadSizeLong(BLOCK_SIZE).setMaxConcurrency(2));
    try {
      call("upload of " + key, () -> blob(area, key).uploadWithResponse(options, null, Context.NONE));
    } catch (BlobStorageException e) {
      throw new IOException("Upload of " + key + " to Blob Storage failed: " + e.getMessage(), e);
    }
    return get(area, key).orElseThrow(() -> new IOException("Blob " + key + " vanished after upload"));
  }

  @Override
  public Optional<StoredFile> get(FileArea area, String key) {
    try {
      BlobProperties p = callUnchecked("reading " + key, () -> blob(area, key).getProperties());
      return Optional.of(new StoredFile(key, p.getContentType(), p.getBlobSize(), p.getLastModified().toInstant()));
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public InputStream open(FileArea area, String key) throws IOException {
    try {
      return call("download of " + key,
          () -> blob(area, key).openInputStream(new BlobInputStreamOptions().setBlockSize((int) BLOCK_SIZE)));
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw new FileNotFound(key);
      }
      throw new IOException("Download of " + key + " from Blob Storage failed: " + e.getMessage(), e);
    }
  }

  /**
   * A read-only service SAS for this one blob. With a connection string it is signed with the account key; with
   * the managed identity, with a user delegation key (the identity needs "Storage Blob Delegator" or a data
   * role that includes it), valid only as long as the link. No start time, so a clock a little ahead of the
   * service's does not make a fresh link fail.
   */
  @Override
  public Optional<URI> readLink(FileArea area, String key, Instant expiresAt, String downloadName) {
    BlobClient blob = blob(area, key);
    OffsetDateTime expiry = expiresAt.atOffset(ZoneOffset.UTC);
    BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
        new BlobSasPermission().setReadPermission(true))
        .setContentDisposition("attachment; filename=\"" + downloadName.replace("\"", "") + "\"");
    String sas;
    if (accountKey) {
      sas = blob.generateSas(values);
    } else {
      UserDelegationKey delegation = service.getUserDelegationKey(null, expiry);
      sas = blob.generateUserDelegationSas(values, delegation);
    }
    return Optional.of(URI.create(blob.getBlobUrl() + "?" + sas));
  }

  @Override
  public boolean delete(FileArea area, String key) {
    return callUnchecked("removing " + key, () -> blob(area, key).deleteIfExists());
  }

  @Override
  public List<StoredFile> list(FileArea area, String prefix, int limit) {
    List<StoredFile> files = new ArrayList<>();
    ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix == null || prefix.isEmpty() ? null : prefix)
        .setMaxResultsPerPage(Math.min(limit, 5000));
    return callUnchecked("listing " + prefix, () -> {
      for (BlobItem item : container(area).listBlobs(options, null)) {
        if (files.size() >= limit) {
          break;
        }
        files.add(new StoredFile(item.getName(), item.getProperties().getContentType(),
            item.getProperties().getContentLength(), item.getProperties().getLastModified().toInstant()));
      }
      return files;
    });
  }

  /** Copy Blob inside the account: the bytes never pass through this process. */
  @Override
  public StoredFile copy(FileArea fromArea, String fromKey, FileArea toArea, String toKey) throws IOException {
    try {
      call("copy of " + fromKey, () -> {
        BlobClient source = blob(fromArea, fromKey);
        SyncPoller<BlobCopyInfo, Void> copy = blob(toArea, toKey).beginCopy(source.getBlobUrl(),
            Duration.ofMillis(250));
        PollResponse<BlobCopyInfo> done = copy.waitForCompletion(Duration.ofMinutes(30));
        if (done.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
          throw new IOException("Copy of " + fromKey + " to " + toKey + " ended " + done.getStatus());
        }
        return done;
      });
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw new FileNotFound(fromKey);
      }
      throw new IOException("Copy of " + fromKey + " to " + toKey + " failed: " + e.getMessage(), e);
    }
    return get(toArea, toKey).orElseThrow(() -> new IOException("Blob " + toKey + " vanished after copy"));
  }

  /** Lazily, page by page (5000 names a page). */
  @Override
  public Stream<StoredFile> walk(FileArea area, String prefix) {
    ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix == null || prefix.isEmpty() ? null : prefix)
        .setMaxResultsPerPage(5000);
    return callUnchecked("listing " + prefix, () -> container(area)).listBlobs(options, null).stream().map(item -> new StoredFile(item.getName(),
        item.getProperties().getContentType(), item.getProperties().getContentLength(),
        item.getProperties().getLastModified().toInstant()));
  }

  @Override
  public String describe() {
    return "azure-blob " + service.getAccountUrl();
  }
}
