package dev.mechanics.platform.lifecycle;

import dev.mechanics.platform.web.DurationSetting;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A JSON body must arrive within {@code BODY_READ_TIMEOUT} (default 30 s), else 408 problem+json. Liberty's
 * {@code readTimeout} only bounds the silence between two packets, so a client sending one byte a second would
 * hold a request thread for as long as it likes; enough of them and every thread waits (issue 16.8). The body is
 * read here, after authentication and the rate limit and through the size limit ({@code BodySizeLimitFilter}),
 * and handed on from memory. File uploads stream as before: their limit is larger and their clients slower.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyReadDeadline implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "BODY_READ_TIMEOUT", defaultValue = "30s")
  String timeoutSetting;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    MediaType type = request.getMediaType();
    if (!request.hasEntity() || type == null || !"json".equals(jsonSuffix(type))) {
      return;
    }
    long deadline = System.nanoTime() + DurationSetting.parse("BODY_READ_TIMEOUT", timeoutSetting).toNanos();
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(0, Math.min(request.getLength(), 65536)));
    byte[] buffer = new byte[8192];
    InputStream in = request.getEntityStream();
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        body.write(buffer, 0, n);
        if (System.nanoTime() - deadline > 0) {
          throw tooSlow();
        }
      }
    } catch (IOException e) {
      // Liberty's readTimeout: the client went silent mid-body
      throw tooSlow();
    }
    request.setEntityStream(new ByteArrayInputStream(body.toByteArray()));
  }

  private static String jsonSuffix(MediaType type) {
    String subtype = type.getSubtype();
    return subtype.equals("json") || subtype.endsWith("+json") ? "json" : subtype;
  }

  private static WebApplicationException tooSlow() {
    return new WebApplicationException(Response.Status.REQUEST_TIMEOUT);
  }
}
