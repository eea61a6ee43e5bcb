package dev.mechanics.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed's health document ({@code status, timestamp, uptime, version, checks}); 503 when a required
 * dependency is down. It lives at {@code /api/v1/health} because Liberty's MicroProfile Health owns
 * {@code /health} (see docs/adr/0003-health-endpoints.md). The checks are at most a few seconds old
 * ({@link HealthReport}).
 */
@ApplicationScoped
@Path("/health")
@Public
@SecurityRequirements
@Tag(name = "Operations")
public class HealthResource {

  @Inject
  HealthReport report;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getHealth", summary = "Health of the service",
      description = "The service's status with a check of each dependency (database, Redis, Blob Storage): "
          + "`healthy`, `degraded` (Redis or storage away: rate limits per instance, attachments and backups "
          + "fail) or `unhealthy` (the database is away: 503). Liberty's `/health`, `/health/live`, "
          + "`/health/ready` and `/metrics` are beside the API, outside this document.")
  @APIResponse(responseCode = "200", description = "Healthy or degraded.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.Health.class)))
  @APIResponse(responseCode = "503", description = "Unhealthy: the database does not answer.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.Health.class)))
  public Response health() {
    HealthReport.Probed probed = report.current();
    return Response.status(probed.healthy() ? 200 : 503).entity(probed.health()).build();
  }
}
