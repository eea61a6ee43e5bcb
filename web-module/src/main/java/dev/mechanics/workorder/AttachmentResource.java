package dev.mechanics.workorder;

import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.PathIds;
import dev.mechanics.platform.web.PayloadTooLarge;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Photos and PDFs of a work order. Upload: the raw file as the body with its Content-Type ({@code ?name=} for the
 * file name); it streams to Blob Storage. Download only through this authorized call.
 */
@Path("/work-orders/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {

  @Inject
  AttachmentService attachments;

  @Inject
  CurrentCaller caller;

  @Inject
  WorkOrderService workOrders;

  @Inject
  @ConfigProperty(name = "ATTACHMENT_MAX_BYTES", defaultValue = "10485760")
  long maxBytes;

  public record AttachmentView(UUID id, UUID workOrderId, String fileName, String contentType, long size,
                               String sha256, UUID uploadedBy, Instant uploadedAt) {
    static AttachmentView of(Attachment a) {
      return new AttachmentView(a.getId(), a.getWorkOrderId(), a.getFileName(), a.getContentType(), a.getSize(),
          a.getSha256(), a.getUploadedBy(), a.getCreatedAt());
    }
  }

  @POST
  @Consumes({"image/jpeg", "image/png", "image/webp", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(@PathParam("id") String id, @QueryParam("name") String name,
                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                         @Context UriInfo uri) throws IOException {
    UUID workOrderId = visible(id);
    String fileName = name == null || name.isBlank() ? "attachment"
        : name.replaceAll("[^A-Za-z0-9._ -]", "_").substring(0, Math.min(name.length(), 200));
    Attachment attachment;
    try {
      attachment = attachments.upload(new AttachmentService.Upload(workOrderId, fileName, contentType, maxBytes,
          caller.get().userId()), body);
    } catch (AttachmentTooLarge e) {
      throw new PayloadTooLarge(e.limit());
    }
    return Response.created(uri.getAbsolutePathBuilder().path(attachment.getId().toString()).build())
        .entity(AttachmentView.of(attachment)).build();
  }

  @GET
  public Map<String, List<AttachmentView>> list(@PathParam("id") String id) {
    return Map.of("items", attachments.list(visible(id)).stream().map(AttachmentView::of).toList());
  }

  @GET
  @Path("/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId)
      throws IOException {
    Attachment attachment = attachments.get(visible(id), PathIds.of("attachment", attachmentId));
    InputStream in = attachments.open(attachment);
    StreamingOutput body = out -> {
      try (in) {
        in.transferTo(out);
      }
    };
    return Response.ok(body, attachment.getContentType())
        .header(HttpHeaders.CONTENT_LENGTH, attachment.getSize())
        .header("Content-Disposition", "attachment; filename=\"" + attachment.getFileName() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
  }

  /** A technician reaches only the attachments of work assigned to them; anything else is 404. */
  private UUID visible(String id) {
    UUID workOrderId = PathIds.of("work order", id);
    workOrders.get(caller.get(), workOrderId);
    return workOrderId;
  }
}
