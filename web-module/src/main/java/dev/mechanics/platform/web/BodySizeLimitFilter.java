package dev.mechanics.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses JSON bodies over {@code MAX_BODY_BYTES} (default 1 MiB) with 413: at once from Content-Length, or
 * while reading when the body is chunked, so a huge body never fills the heap.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public class BodySizeLimitFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "1048576")
  long limit;

  /** Work-order attachments (photos, PDFs) are files, not JSON: they have their own, larger limit. */
  @Inject
  @ConfigProperty(name = "ATTACHMENT_MAX_BYTES", defaultValue = "10485760")
  long attachmentLimit;

  @Override
  public void filter(ContainerRequestContext request) {
    long applicable = isFileUpload(request) ? attachmentLimit : limit;
    if (request.getLength() > applicable) {
      throw new PayloadTooLarge(applicable);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), applicable));
    }
  }

  private static boolean isFileUpload(ContainerRequestContext request) {
    jakarta.ws.rs.core.MediaType type = request.getMediaType();
    return type != null && ("image".equals(type.getType()) || "application/pdf".equals(type.getType() + "/"
        + type.getSubtype()) || jakarta.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type));
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new PayloadTooLarge(limit);
      }
    }
  }
}
