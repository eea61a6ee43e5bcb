package dev.mechanics.platform.batch;

import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
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

/**
 * Schedules of jobs. An organization's OWNER or MANAGER schedules the organization's report jobs and sees only
 * them; a platform operator manages the platform's schedules with {@code ?scope=platform}.
 */
@Path("/batch/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Requires({Capability.RUN_ORGANIZATION_JOBS, Capability.RUN_PLATFORM_JOBS})
public class BatchScheduleResource {

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
  public Listing<ScheduleView> list(@QueryParam("scope") String scope, @QueryParam("limit") String limit,
                                    @QueryParam("after") String after) {
    return Listing.of(schedules.list(owner(scope), Listing.request(limit, after)), ScheduleView::of);
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id, @QueryParam("scope") String scope) {
    Schedule s = schedules.get(owner(scope), RequestIds.path("schedule", id));
    return Response.ok(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull ScheduleRequest request, @QueryParam("scope") String scope,
                         @Context UriInfo uri) {
    Schedule s = schedules.create(owner(scope), request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build())
        .entity(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(@PathParam("id") String id, @QueryParam("scope") String scope,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ScheduleRequest request) {
    ScheduleService.Owner owner = owner(scope);
    UUID scheduleId = RequestIds.path("schedule", id);
    Schedule s = schedules.change(owner, scheduleId, Versions.required(ifMatch), request.details());
    return Response.ok(ScheduleView.of(s)).tag(Versions.etag(s.version())).build();
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id, @QueryParam("scope") String scope) {
    schedules.delete(owner(scope), RequestIds.path("schedule", id));
    return Response.noContent().build();
  }

  private ScheduleService.Owner owner(String scope) {
    return schedules.owner(BatchExecutionResource.actorOf(caller.get()), scope);
  }
}
