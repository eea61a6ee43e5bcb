package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import dev.mechanics.platform.web.IdempotentRoutes;
import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.PayloadTooLarge;
import dev.mechanics.platform.web.Public;
import dev.mechanics.platform.web.RequestIds;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Photos and PDFs of a work order. Upload: the raw file as the body with its Content-Type ({@code ?name=} for the
 * file name); it streams to Blob Storage. Download only through the authorized call or a short-lived link.
 */
@ApplicationScoped
@Path("/work-orders/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
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

  @Inject
  PublicLinks publicLinks;

  @Inject
  IdempotentRequests requests;

  @Inject
  IdempotentRoutes idempotent;

  private Duration linkLifetime;

  @Inject
  void linkLifetime(@ConfigProperty(name = "ATTACHMENT_LINK_LIFETIME", defaultValue = "5m") String value) {
    linkLifetime = DurationSetting.parse("ATTACHMENT_LINK_LIFETIME", value);
  }

  /** The document's name for {@code {"items": [...]}} of attachments. */
  @Schema(name = "AttachmentList")
  record AttachmentList(List<AttachmentView> items) {
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
  @Operation(operationId = "uploadAttachment", summary = "Upload a photo or PDF",
      description = "The raw file is the body, with its `Content-Type` (JPEG, PNG, WebP or PDF); it streams to "
          + "storage with its SHA-256. 422 when the content is not what `Content-Type` says or is empty; 413 "
          + "beyond ATTACHMENT_MAX_BYTES. A technician uploads only to work assigned to them (else 404).")
  @APIResponse(responseCode = "201", description = "The stored attachment; the same answer again for a retry with "
      + "the same `Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response upload(@PathParam("id") String id,
                         @Parameter(description = "The file's name (characters other than letters, digits, `. _ -` "
                             + "and space become `_`; `attachment` when absent).") @QueryParam("name") String name,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @Parameter(description = IdempotentRoutes.KEY, schema = @Schema(type = SchemaType.STRING,
                             maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @RequestBody(required = true, content = {
                             @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                             @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                             @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                             @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                             @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                                 schema = @Schema(type = SchemaType.STRING, format = "binary"))}) InputStream body,
                         @Context UriInfo uri) throws IOException {
    Id<WorkOrder> workOrderId = visible(id);
    String fileName = Attachment.fileNameFrom(name);
    String key = IdempotentRequests.optionalKey(idempotencyKey);
    if (key != null && requests.hashOf(key).isPresent()) {
      // a retry: the same request only if the same file; read it to know, store nothing
      String hash = requestHash(workOrderId, fileName, contentType, sha256(body));
      return IdempotentRoutes.response(requests.answered(key, hash, "attachment").orElseThrow());
    }
    Attachment attachment;
    try {
      attachment = attachments.upload(new AttachmentService.Upload(workOrderId, fileName, contentType, maxBytes,
          caller.get().userId()), body);
    } catch (AttachmentTooLarge e) {
      throw new PayloadTooLarge(e.limit());
    }
    Response created = Response.created(uri.getAbsolutePathBuilder().path(attachment.getId().toString()).build())
        .entity(AttachmentView.of(attachment)).build();
    if (key == null) {
      return created;
    }
    // the upload streamed without a transaction: a twin sent at the same moment may have been recorded first
    IdempotentRequests.Answer answer;
    try {
      answer = requests.once(key, requestHash(workOrderId, fileName, contentType, attachment.getSha256()),
          "attachment", () -> idempotent.answer(created));
    } catch (RuntimeException e) {
      attachments.discard(attachment);
      throw e;
    }
    if (answer.replayed()) {
      attachments.discard(attachment);
    }
    return IdempotentRoutes.response(answer);
  }

  private static String requestHash(Id<WorkOrder> workOrderId, String fileName, String contentType, String sha256) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return IdempotentRequests.hash("attachment|" + workOrderId.value() + "|" + fileName + "|" + type + "|" + sha256);
  }

  /** The SHA-256 of a body sent again, read to its end (at most ATTACHMENT_MAX_BYTES). */
  private String sha256(InputStream body) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = body.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw new PayloadTooLarge(maxBytes);
      }
      sha.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @GET
  @Operation(operationId = "listAttachments", summary = "List attachments",
      description = "The work order's photos and PDFs. A technician sees only work assigned to them (else 404).")
  @APIResponse(responseCode = "200", description = "The attachments.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentList.class)))
  public Map<String, List<AttachmentView>> list(@PathParam("id") String id) {
    return Map.of("items", attachments.list(visible(id)).stream().map(AttachmentView::of).toList());
  }

  @GET
  @Path("/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(operationId = "downloadAttachment", summary = "Download an attachment",
      description = "The file as it was uploaded, with its content type. A technician downloads only from work "
          + "assigned to them (else 404).")
  @APIResponse(responseCode = "200", description = "The file.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
  @Operation(operationId = "createAttachmentLink", summary = "A short-lived download link",
      description = "A URL that downloads the file without a token until it expires (ATTACHMENT_LINK_LIFETIME, "
          + "or fewer `seconds`), for an image tag or a customer: with Blob Storage a read-only SAS for this one "
          + "file, otherwise a link signed by the API. Whoever may download the attachment may ask.")
  public DownloadLink downloadLink(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId,
                                   @Parameter(description = "How long the link works, in seconds (1 to "
                                       + "ATTACHMENT_LINK_LIFETIME).", schema = @Schema(type = SchemaType.INTEGER,
                                       format = "int32", minimum = "1")) @QueryParam("seconds") String seconds) {
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
    URI url = attachments.directLink(attachment, expiresAt).orElseGet(() -> URI.create(publicLinks.api("work-orders",
        attachment.getWorkOrderId().toString(), "attachments", attachment.getId().toString(), "content")
        + "?token=" + links.sign(attachment.getOrganizationId(), attachment.getId(), expiresAt)));
    return new DownloadLink(url.toString(), expiresAt);
  }

  /** The target of a signed link (local folder store): no token, the link's signature is the authorization. */
  @GET
  @Path("/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  @Public
  @SecurityRequirements
  @Operation(operationId = "getAttachmentContent", summary = "Download through a signed link",
      description = "Where a link of `createAttachmentLink` points when files are in the local folder store: the "
          + "link's signature is the authorization. A forged or mismatched link is 404, an expired one 410.")
  @APIResponse(responseCode = "200", description = "The file.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response content(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId,
                          @Parameter(description = "The link's signed token.", required = true)
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
