package dev.mechanics.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** The free-slot search of a shop: where a job of a given length fits in the coming days. */
@ApplicationScoped
@Path("/shops/{shopId}/free-slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class FreeSlotResource {

  @Inject
  AppointmentService appointments;

  public record SlotView(UUID bayId, Instant start) {
  }

  /** {@code complete}: false when the search stopped at {@code limit}. */
  public record FreeSlotList(List<SlotView> items, boolean complete) {
  }

  @GET
    @Operation(operationId = "findFreeSlots", summary = "Find free slots",
      description = "The (bay, start) pairs where a job of `durationMinutes` fits inside the opening hours of the "
          + "local days `from` to `to` (at most 62 days) without overlapping a booking, on a grid of `stepMinutes` "
          + "from each day's opening time; earliest first. Days are cut in the shop's time zone, so the days on "
          + "which daylight saving starts or ends open at their own local time.")
  @APIResponse(responseCode = "200", description = "The free slots.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreeSlotList.class)))
  public Response freeSlots(
      @PathParam("shopId") String shopId,
      @Parameter(description = "Length of the job in minutes (15 to 720).", required = true)
      @QueryParam("durationMinutes") String duration,
      @Parameter(description = "First local day (YYYY-MM-DD).", required = true) @QueryParam("from") String from,
      @Parameter(description = "Last local day (YYYY-MM-DD), inclusive.", required = true) @QueryParam("to") String to,
      @Parameter(description = "Grid of start times in minutes (5 to 240, default 30).") @QueryParam("stepMinutes")
      String step,
      @Parameter(description = "Only bays of this kind.", schema = @Schema(enumeration = {"LIFT", "ALIGNMENT",
          "DIAGNOSTIC", "GENERAL"})) @QueryParam("kind") String kind,
      @Parameter(description = "Only times this technician is free too.") @QueryParam("technicianId")
      String technicianId,
      @Parameter(description = "At most this many slots (1 to 20000, default 2000).") @QueryParam("limit")
      String limit) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    Bay.Kind bayKind = null;
    if (kind != null && !kind.isBlank()) {
      try {
        bayKind = Bay.Kind.valueOf(kind.trim());
      } catch (IllegalArgumentException e) {
        throw new DomainException.Malformed("kind", "kind must be LIFT, ALIGNMENT, DIAGNOSTIC or GENERAL");
      }
    }
    int max = AppointmentResource.number("limit", limit, 1, 20000, 2000);
    List<FreeSlots.Slot> slots = appointments.freeSlots(new AppointmentService.SlotQuery(shop, AppointmentResource.date("from", from),
        AppointmentResource.date("to", to), Duration.ofMinutes(AppointmentResource.number("durationMinutes", duration, 15, 720, null)),
        Duration.ofMinutes(AppointmentResource.number("stepMinutes", step, 5, 240, 30)), bayKind,
        technicianId == null || technicianId.isBlank() ? null : RequestIds.field("technicianId", technicianId), max));
    return Response.ok(new FreeSlotList(slots.stream().map(s -> new SlotView(s.bayId(), s.start())).toList(),
        slots.size() < max)).build();
  }

}
