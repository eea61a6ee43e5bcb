package dev.mechanics.platform.batch;

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

/**
 * Runs of jobs: an organization's own runs (OWNER, MANAGER) or every run (platform operators); start a job now,
 * stop a running one, restart a failed or stopped one from its last checkpoint.
 */
@Path("/batch/executions")
@Produces(MediaType.APPLICATION_JSON)
@Requires({Capability.RUN_ORGANIZATION_JOBS, Capability.RUN_PLATFORM_JOBS})
public class BatchExecutionResource {

  @Inject
  JobLauncher launcher;

  @Inject
  CurrentCaller caller;

  public record StartRequest(@NotBlank @Size(max = 100) String jobName,
                             Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> parameters) {
  }

  /** The next page starts below the last run's instance id. */
  public record RunListing(List<JobRun> items, String next) {
  }

  @GET
  public RunListing list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
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
  public JobRun get(@PathParam("id") String id) {
    return launcher.get(actor(), executionId(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@Valid @NotNull StartRequest request, @Context UriInfo uri) {
    JobRun run = launcher.start(actor(), request.jobName(),
        request.parameters() == null ? Map.of() : request.parameters());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(run.executionId())).build())
        .entity(run).build();
  }

  @POST
  @Path("/{id}/stop")
  public JobRun stop(@PathParam("id") String id) {
    return launcher.stop(actor(), executionId(id));
  }

  @POST
  @Path("/{id}/restart")
  public Response restart(@PathParam("id") String id, @Context UriInfo uri) {
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
