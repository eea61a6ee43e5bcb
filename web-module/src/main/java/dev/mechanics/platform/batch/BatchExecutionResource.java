package dev.mechanics.platform.batch;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs of jobs: an organization's own runs (OWNER, MANAGER) or every run (platform operators); start a job now,
 * stop a running one, restart a failed, stopped or stuck one from its last checkpoint.
 */
@ApplicationScoped
@Path("/batch/executions")
@Produces(MediaType.APPLICATION_JSON)
@Requires({Capability.RUN_ORGANIZATION_JOBS, Capability.RUN_PLATFORM_JOBS})
@Tag(name = "Jobs")
public class BatchExecutionResource {

  @Inject
  JobLauncher launcher;

  @Inject
  CurrentCaller caller;

  @Schema(name = "JobStartRequest")
  public record StartRequest(@NotBlank @Size(max = 100) String jobName,
                             Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> parameters) {
  }

  /** The next page starts below the last run's instance id. */
  @Schema(name = "JobRunListing")
  public record RunListing(@Schema(type = SchemaType.ARRAY, implementation = JobRun.class) List<JobRun> items,
                           String next) {
  }

  @GET
  @Operation(operationId = "listJobRuns", summary = "List job runs",
      description = "Runs of jobs, newest first, a page at a time: the organization's own runs, or every run "
          + "for a platform operator. 422 when `limit` is not between 1 and 200.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "200", description = "A page of runs.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunListing.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public RunListing list(@Parameter(description = "How many runs a page holds (1 to 200, default 50).",
                             schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                                 maximum = "200")) @QueryParam("limit") String limit,
                         @Parameter(description = "The `next` of the previous page; absent for the first page.",
                             schema = @Schema(type = SchemaType.STRING)) @QueryParam("after") String after) {
    int size = parse("limit", limit, 50);
    if (size < 1 || size > 200) {
      throw DomainException.InvalidInput.field("limit", "limit is between 1 and 200");
    }
    Long before = after == null ? null : (long) parse("after", after, 0);
    List<JobRun> runs = launcher.list(actor(), before, size + 1);
    if (runs.size() <= size) {
      return new RunListing(runs, null);
    }
    List<JobRun> page = runs.subList(0, size);
    return new RunListing(List.copyOf(page), Long.toString(page.get(size - 1).instanceId()));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getJobRun", summary = "Read a job run",
      description = "The run's status, times, each step's progress and counts, what it wrote, and its error.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  public JobRun get(@Parameter(description = "Id of the run (its execution id).", schema = @Schema(type = SchemaType.INTEGER,
      format = "int64", minimum = "0")) @PathParam("id") String id) {
    return launcher.get(actor(), executionId(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "startJob", summary = "Start a job now",
      description = "Starts a run of a job with its parameters, checked before the run exists (422 for an "
          + "unknown job or a bad parameter). Organization jobs (`daily-shop-report`) run for the caller's "
          + "organization; platform jobs (backups, restore, retention) only for platform operators (403).",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "201", description = "The run, as it started.",
      headers = @Header(name = "Location", ref = "Location"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response start(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "monthly report", value = """
          {"jobName": "daily-shop-report", "parameters": {"period": "month", "month": "2026-02"}}""")))
                        StartRequest request, @Context UriInfo uri) {
    JobRun run = launcher.start(actor(), request.jobName(),
        request.parameters() == null ? Map.of() : request.parameters());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(run.executionId())).build())
        .entity(run).build();
  }

  @POST
  @Path("/{id}/stop")
  @Operation(operationId = "stopJobRun", summary = "Stop a run",
      description = "Asks a running run to stop (it stops at its next checkpoint). 409 when it has finished.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "200", description = "The run, stopping.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public JobRun stop(@Parameter(description = "Id of the run (its execution id).", schema = @Schema(type = SchemaType.INTEGER,
      format = "int64", minimum = "0")) @PathParam("id") String id) {
    return launcher.stop(actor(), executionId(id));
  }

  @POST
  @Path("/{id}/restart")
  @Operation(operationId = "restartJobRun", summary = "Restart a failed, stopped or stuck run",
      description = "Starts a new run of the same job instance from its last checkpoint. A `stuck` run (STARTED "
          + "by an instance that stopped sending heartbeats: it died) is marked FAILED first. 409 when the run "
          + "completed or is still running.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "201", description = "The new run.", headers = @Header(name = "Location", ref = "Location"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response restart(@Parameter(description = "Id of the run (its execution id).", schema = @Schema(type = SchemaType.INTEGER,
      format = "int64", minimum = "0")) @PathParam("id") String id, @Context UriInfo uri) {
    JobRun run = launcher.restart(actor(), executionId(id));
    return Response.created(uri.getBaseUriBuilder().path("batch/executions").path(Long.toString(run.executionId()))
        .build()).entity(run).build();
  }

  private BatchActor actor() {
    return actorOf(caller.get());
  }

  /** What the access policy lets this caller do with jobs. */
  static BatchActor actorOf(Caller c) {
    return new BatchActor(c.organizationId(), c.may(Capability.RUN_PLATFORM_JOBS),
        c.may(Capability.RUN_ORGANIZATION_JOBS), "user " + c.userId());
  }

  private static long executionId(String id) {
    return parse("id", id, 0);
  }

  private static int parse(String field, String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value < 0 || value > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return (int) value;
    } catch (NumberFormatException e) {
      if (field.equals("id")) {
        throw new DomainException.NotFound("execution", text);
      }
      throw DomainException.InvalidInput.field(field, field + " must be a whole number");
    }
  }
}
