package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.Public;
import dev.mechanics.platform.web.RequestIds;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Photos and PDFs of a work order. Upload: the raw file as the body with its Content-Type ({@code ?name=} for the
 * file name); it streams to Blob Storage. Download only through the authorized call or a short-lived link.
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

  @Inject
  AttachmentLinks links;

  private Duration linkLifetime;

  @Inject
  void linkLifetime(@ConfigProperty(name = "ATTACHMENT_LINK_LIFETIME", defaultValue = "5m") String value) {
    linkLifetime = DurationSetting.parse("ATTACHMENT_LINK_LIFETIME", value);
  }

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
    Id<WorkOrder> workOrderId = visible(id);
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
    return file(attachments.get(visible(id), RequestIds.path("attachment", attachmentId)));
  }

  public record DownloadLink(String url, Instant expiresAt) {
  }

  /**
   * A URL that downloads the file without a token for a few minutes (ATTACHMENT_LINK_LIFETIME, or fewer
   * {@code ?seconds=}), for an image tag or a customer: with Blob Storage a read-only SAS for this one blob,
   * with the local folder a signed link to {@link #content}. Whoever may download the attachment may ask.
   */
  @POST
  @Path("/{attachmentId}/download-link")
  public DownloadLink downloadLink(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId,
                                   @QueryParam("seconds") String seconds, @Context UriInfo uri) {
    Attachment attachment = attachments.get(visible(id), RequestIds.path("attachment", attachmentId));
    long lifetime = linkLifetime.toSeconds();
    if (seconds != null) {
      try {
        lifetime = Long.parseLong(seconds.trim());
      } catch (NumberFormatException e) {
        lifetime = -1;
      }
      if (lifetime < 1 || lifetime > linkLifetime.toSeconds()) {
        throw new DomainException.Malformed("seconds", "seconds must be a whole number from 1 to "
            + linkLifetime.toSeconds());
      }
    }
    Instant expiresAt = Instant.now().plusSeconds(lifetime);
    URI url = attachments.directLink(attachment, expiresAt).orElseGet(() -> uri.getBaseUriBuilder()
        .path("work-orders").path(attachment.getWorkOrderId().toString()).path("attachments")
        .path(attachment.getId().toString()).path("content")
        .queryParam("token", links.sign(attachment.getOrganizationId(), attachment.getId(), expiresAt)).build());
    return new DownloadLink(url.toString(), expiresAt);
  }

  /** The target of a signed link (local folder store): no token, the link's signature is the authorization. */
  @GET
  @Path("/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @Public
  public Response content(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId,
                          @QueryParam("token") String token) throws IOException {
    AttachmentLinks.Grant grant = links.verify(token);
    Id<WorkOrder> workOrderId = WorkOrderResource.workOrderId(id);
    if (!grant.attachmentId().equals(RequestIds.path("attachment", attachmentId))) {
      throw new DomainException.NotFound("download link", "in this URL");
    }
    return file(Tenancy.callAs(grant.organizationId(), () -> attachments.get(workOrderId, grant.attachmentId())));
  }

  private Response file(Attachment attachment) throws IOException {
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
  private Id<WorkOrder> visible(String id) {
    return workOrders.visible(caller.get(), WorkOrderResource.workOrderId(id));
  }
}
