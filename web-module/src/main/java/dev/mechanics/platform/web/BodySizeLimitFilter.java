package dev.mechanics.platform.web;

import dev.mechanics.platform.SizeLimitedInputStream;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
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
      // unchecked, so the JSON reader does not wrap it: the problem mapper answers 413
      request.setEntityStream(new SizeLimitedInputStream(request.getEntityStream(), applicable, max -> {
        throw new PayloadTooLarge(max);
      }));
    }
  }

  private static boolean isFileUpload(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    return type != null && ("image".equals(type.getType()) || "application/pdf".equals(type.getType() + "/"
        + type.getSubtype()) || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type));
  }
}
