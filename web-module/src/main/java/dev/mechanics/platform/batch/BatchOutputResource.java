package dev.mechanics.platform.batch;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PublicLinks;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DurationSetting;
import dev.mechanics.platform.web.Public;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a run wrote (a report's CSV and PDF, a backup), each with a short-lived download link, so a report is
 * opened from the browser and not only from the mail. Whoever may read the run may ask (its organization's owners
 * and managers, platform operators); the link itself carries no identity, like attachment links.
 */
@ApplicationScoped
@Path("/batch/executions/{id}/outputs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class BatchOutputResource {

  @Inject
  JobLauncher launcher;

  @Inject
  JobRuns runs;

  @Inject
  CurrentCaller caller;

  @Inject
  FileStore files;

  @Inject
  RunOutputLinks links;

  @Inject
  PublicLinks publicLinks;

  private Duration lifetime;

  @Inject
  void lifetime(@ConfigProperty(name = "ATTACHMENT_LINK_LIFETIME", defaultValue = "5m") String value) {
    lifetime = DurationSetting.parse("ATTACHMENT_LINK_LIFETIME", value);
  }

  /** One object a run wrote: its name, size, type and a link that reads it until {@code expiresAt}. */
  @Schema(name = "JobRunOutput")
  public record OutputView(String name, String objectKey, long sizeBytes, String contentType, String url,
                           Instant expiresAt) {
  }

  @Schema(name = "JobRunOutputList")
  public record OutputList(List<OutputView> items) {
  }

  @GET
  @Requires({Capability.RUN_ORGANIZATION_JOBS, Capability.RUN_PLATFORM_JOBS})
  @Operation(operationId = "listJobRunOutputs", summary = "What a run wrote, with download links",
      description = "The objects the run wrote (a report's CSV and PDF, a backup), each with a URL that reads it "
          + "without a token until `expiresAt` (ATTACHMENT_LINK_LIFETIME): with Blob Storage a read-only SAS for "
          + "that one object, otherwise a link signed by the API. Another organization's run: 404.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "200", description = "The run's outputs.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutputList.class)))
  public OutputList list(@Parameter(description = "Id of the run (its execution id).", schema = @Schema(
      type = SchemaType.INTEGER, format = "int64", minimum = "0")) @PathParam("id") String id) {
    long executionId = executionId(id);
    JobRun run = launcher.get(BatchExecutionResource.actorOf(caller.get()), executionId);
    Instant expiresAt = Instant.now().plus(lifetime);
    List<OutputView> items = new ArrayList<>();
    for (int i = 0; i < run.outputs().size(); i++) {
      JobRun.Output output = run.outputs().get(i);
      String name = nameOf(output.objectKey());
      int index = i;
      URI url = files.readLink(FileArea.BACKUPS, output.objectKey(), expiresAt, name).orElseGet(() ->
          URI.create(publicLinks.api("batch", "executions", Long.toString(executionId), "outputs",
              Integer.toString(index), "content") + "?token="
              + links.sign(run.organizationId(), executionId, index, expiresAt)));
      items.add(new OutputView(name, output.objectKey(), output.sizeBytes(), typeOf(name), url.toString(),
          expiresAt));
    }
    return new OutputList(items);
  }

  /** The target of a signed link (local folder store): no token, the link's signature is the authorization. */
  @GET
  @Path("/{index}/content")
  @Produces(MediaType.WILDCARD)
  @Public
  @SecurityRequirements
  @Operation(operationId = "getJobRunOutputContent", summary = "Download a run's output through a signed link",
      description = "Where a link of `listJobRunOutputs` points when files are in the local folder store: the "
          + "link's signature is the authorization. A forged or mismatched link is 404, an expired one 410.")
  @APIResponse(responseCode = "200", description = "The object.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
          @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response content(@Parameter(description = "Id of the run (its execution id).", schema = @Schema(
                              type = SchemaType.INTEGER, format = "int64", minimum = "0")) @PathParam("id") String id,
                          @Parameter(description = "The output's place in the run's list (from 0).", schema =
                              @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
                          @PathParam("index") String index,
                          @Parameter(description = "The link's signed token.", required = true)
                          @QueryParam("token") String token) throws IOException {
    RunOutputLinks.Grant grant = links.verify(token);
    if (grant.executionId() != executionId(id) || !Integer.toString(grant.index()).equals(index)) {
      throw new DomainException.NotFound("download link", "in this URL");
    }
    JobRun run = runs.get(grant.executionId());
    if (!Objects.equals(run.organizationId(), grant.organizationId()) || grant.index() >= run.outputs().size()) {
      throw new DomainException.NotFound("download link", "in this URL");
    }
    JobRun.Output output = run.outputs().get(grant.index());
    String name = nameOf(output.objectKey());
    InputStream in = files.open(FileArea.BACKUPS, output.objectKey());
    StreamingOutput body = out -> {
      try (in) {
        in.transferTo(out);
      }
    };
    return Response.ok(body, typeOf(name))
        .header("Content-Disposition", (name.endsWith(".pdf") ? "inline" : "attachment") + "; filename=\""
            + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
  }

  private static String nameOf(String key) {
    String[] parts = key.split("/");
    // reports/<org>/daily-shop-report/<day>/<name>: the day makes the name tell one report from another
    return parts.length >= 2 && parts[parts.length - 2].matches("\\d{4}-\\d{2}-\\d{2}")
        ? parts[parts.length - 2] + "-" + parts[parts.length - 1] : parts[parts.length - 1];
  }

  private static String typeOf(String name) {
    if (name.endsWith(".csv")) {
      return "text/csv; charset=UTF-8";
    }
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return MediaType.APPLICATION_OCTET_STREAM;
  }

  private static long executionId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new DomainException.NotFound("job run", id);
  }
}
