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

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > limit) {
      throw new PayloadTooLarge(limit);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }
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
