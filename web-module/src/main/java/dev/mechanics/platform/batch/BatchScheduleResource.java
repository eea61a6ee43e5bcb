package dev.mechanics.platform.batch;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * Schedules of jobs. An organization's OWNER or MANAGER schedules the organization's report jobs and sees only
 * them; a platform operator manages the platform's schedules with {@code ?scope=platform}.
 */
@ApplicationScoped
@Path("/batch/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Requires({Capability.RUN_ORGANIZATION_JOBS, Capability.RUN_PLATFORM_JOBS})
@Tag(name = "Jobs")
public class BatchScheduleResource {

  private static final String EXAMPLE = """
      {"jobName": "daily-shop-report", "parameters": {"period": "day"}, "cron": "0 6 * * *",
       "timeZone": "America/New_York", "recipients": ["owner@speedy.example"], "paused": false}""";

  @Inject
  ScheduleService schedules;

  @Inject
  CurrentCaller caller;

  public record ScheduleRequest(
      @NotBlank @Size(max = 100) String jobName,
      Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> parameters,
      @NotBlank @Size(max = 120) String cron,
      @NotBlank @Size(max = 64) String timeZone,
      @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> recipients,
      Boolean paused) {

    ScheduleDetails details() {
      return new ScheduleDetails(jobName, parameters == null ? Map.of() : parameters, cron, timeZone,
          recipients == null ? List.of() : recipients, Boolean.TRUE.equals(paused));
    }
  }

  public record ScheduleView(UUID id, String scope, String jobName, Map<String, String> parameters, String cron,
                             String timeZone, List<String> recipients, boolean paused, Instant nextFireAt,
                             Instant lastFiredAt, long version) {
    static ScheduleView of(Schedule s) {
      return new ScheduleView(s.id(), s.organizationId() == null ? "platform" : "organization", s.jobName(),
          s.parameters(), s.cron(), s.timeZone(), s.recipients(), s.paused(), s.nextFireAt(), s.lastFiredAt(),
          s.version());
    }
  }

  @GET
  @Operation(operationId = "listSchedules", summary = "List schedules",
      description = "The organization's schedules, or with `scope=platform` the installation's (platform "
          + "operators; others 403), a page at a time.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  public Listing<ScheduleView> list(@Parameter(description = "`platform` for the installation's schedules (platform operators); absent for the "
          + "organization's.", schema = @Schema(enumeration = "platform")) @QueryParam("scope") String scope, @QueryParam("limit") String limit,
                                    @QueryParam("after") String after) {
    return Listing.of(schedules.list(owner(scope), Listing.request(limit, after)), ScheduleView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getSchedule", summary = "Read a schedule",
      description = "The schedule with its next and last firing, and its version as the `ETag`.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "200", description = "The schedule.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
  public Response get(@PathParam("id") String id, @Parameter(description = "`platform` for the installation's schedules (platform operators); absent for the "
          + "organization's.", schema = @Schema(enumeration = "platform")) @QueryParam("scope") String scope) {
    Schedule s = schedules.get(owner(scope), RequestIds.path("schedule", id));
    return Response.ok(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createSchedule", summary = "Schedule a job",
      description = "Runs a job on a cron schedule (five fields) in a time zone, mailing its output to the "
          + "recipients. 422 for an unknown job, a job of the other scope, bad parameters, cron or time zone.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "201", description = "The schedule.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "morning report", value = EXAMPLE))) ScheduleRequest request,
                         @Parameter(description = "`platform` for the installation's schedules (platform operators); absent for the "
          + "organization's.", schema = @Schema(enumeration = "platform")) @QueryParam("scope") String scope, @Context UriInfo uri) {
    Schedule s = schedules.create(owner(scope), request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build())
        .entity(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "changeSchedule", summary = "Change a schedule",
      description = "Replaces the schedule (job, parameters, cron, time zone, recipients, paused). 422 as for "
          + "creating one.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "200", description = "The schedule.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response change(@PathParam("id") String id, @Parameter(description = "`platform` for the installation's schedules (platform operators); absent for the "
          + "organization's.", schema = @Schema(enumeration = "platform")) @QueryParam("scope") String scope,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "paused", value = EXAMPLE))) ScheduleRequest request) {
    ScheduleService.Owner owner = owner(scope);
    UUID scheduleId = RequestIds.path("schedule", id);
    Schedule s = schedules.change(owner, scheduleId, Versions.required(ifMatch), request.details());
    return Response.ok(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @DELETE
  @Path("/{id}")
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "deleteSchedule", summary = "Delete a schedule",
      description = "Deletes the schedule; runs it started are kept.",
      extensions = @Extension(name = "x-requires", value = "RUN_ORGANIZATION_JOBS, RUN_PLATFORM_JOBS"))
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response delete(@PathParam("id") String id, @Parameter(description = "`platform` for the installation's schedules (platform operators); absent for the "
          + "organization's.", schema = @Schema(enumeration = "platform")) @QueryParam("scope") String scope) {
    schedules.delete(owner(scope), RequestIds.path("schedule", id));
    return Response.noContent().build();
  }

  private ScheduleService.Owner owner(String scope) {
    return schedules.owner(BatchExecutionResource.actorOf(caller.get()), scope);
  }
}
