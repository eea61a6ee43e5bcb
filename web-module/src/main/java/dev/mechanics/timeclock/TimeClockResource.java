package dev.mechanics.timeclock;

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
import java.math.BigDecimal;
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

/**
 * Technicians' time: clock events from the shop floor (exactly once per Idempotency-Key), the entries they make,
 * managers' corrections (audited), and hours sold, clocked and attended with efficiency and productivity.
 */
@ApplicationScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time clock")
public class TimeClockResource {

  private static final String REPLAYED = "Idempotent-Replayed";

  @Inject
  TimeClockService clocks;

  @Inject
  TechnicianTime time;

  @Inject
  CurrentCaller caller;

  /** {@code lineId}: the labor line, for JOB_ON only. */
  public record ClockEventRequest(@NotNull ClockEvent.Action action, @NotNull String shopId, String lineId) {
  }

  public record CorrectionRequest(@NotNull Instant startedAt, Instant endedAt,
                                  @NotBlank @Size(max = 500) String reason) {
  }

  public record ClockEntryView(UUID id, UUID shopId, UUID technicianId, ClockEntry.Kind kind, UUID workOrderId,
                               UUID lineId, Instant startedAt, Instant endedAt, boolean running, boolean corrected,
                               long version) {
    static ClockEntryView of(ClockEntry e) {
      return new ClockEntryView(e.getId(), e.getShopId(), e.getTechnicianId(), e.getKind(), e.getWorkOrderId(),
          e.getLineId(), e.getStartedAt(), e.getEndedAt(), e.isRunning(), e.isCorrected(), e.getVersion());
    }
  }

  /** The document's name for {@code {"items": [...]}} of clock entries. */
  @Schema(name = "ClockEntryList")
  record ClockEntryList(List<ClockEntryView> items) {
  }

  @POST
  @Path("clock-events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "recordClockEvent", summary = "Clock in, out, on or off",
      description = "The caller's own clock: SHIFT_IN/SHIFT_OUT (attendance; clocking out stops a running job), "
          + "JOB_ON a labor line (stops the job that was running: one at a time) and JOB_OFF. Exactly once per "
          + "`Idempotency-Key` (a tablet's retry gets the first answer). Staff of the shop only (403); 409 when "
          + "there is nothing to stop or the shift is already open; 422 for a line that is not a labor line of a "
          + "work order of this shop the caller may see.")
  @APIResponse(responseCode = "201", description = "The entry the event started or stopped.",
      headers = @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockEntryView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response clock(@HeaderParam("Idempotency-Key") String key,
                        @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job on", value = """
                                {"action": "JOB_ON", "shopId": "0193f1c2-0000-7000-8000-000000000001",
                                 "lineId": "0193f1c2-0000-7000-8000-000000000009"}"""))) ClockEventRequest request) {
    TimeClockService.ClockResult result = clocks.clock(caller.get(), new TimeClockService.ClockRequest(
        request.action(), RequestIds.field("shopId", request.shopId(), Id::new),
        request.lineId() == null || request.lineId().isBlank() ? null : RequestIds.field("lineId", request.lineId())),
        key);
    return Response.status(Response.Status.CREATED).header(REPLAYED, Boolean.toString(result.replayed()))
        .tag(Versions.etag(result.entry().getVersion())).entity(ClockEntryView.of(result.entry())).build();
  }

  @GET
  @Path("clock-entries")
  @Operation(operationId = "listClockEntries", summary = "Clock entries of a shop",
      description = "Entries overlapping the UTC instants `from` to `to` (at most 62 days). Managers of the shop "
          + "and owners see every technician's (or one's, `technicianId`); anyone else their own.")
  @APIResponse(responseCode = "200", description = "The entries, by start.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockEntryList.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Map<String, List<ClockEntryView>> entries(
      @Parameter(description = "The shop.", required = true) @QueryParam("shopId") String shopId,
      @Parameter(description = "First local day (YYYY-MM-DD).", required = true) @QueryParam("from") String from,
      @Parameter(description = "Last local day (YYYY-MM-DD), inclusive.", required = true) @QueryParam("to") String to,
      @Parameter(description = "Only this technician.") @QueryParam("technicianId") String technicianId) {
    if (shopId == null || shopId.isBlank()) {
      throw new DomainException.Malformed("shopId", "shopId is required");
    }
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first) || first.plusDays(62).isBefore(last)) {
      throw DomainException.InvalidInput.field("to", "must be from 0 to 62 days after from");
    }
    return Map.of("items", clocks.entries(caller.get(), RequestIds.field("shopId", shopId, Id::new),
            technicianId == null || technicianId.isBlank() ? null : RequestIds.field("technicianId", technicianId),
            first, last).stream().map(ClockEntryView::of).toList());
  }

  @PUT
  @Path("clock-entries/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_STAFF)
  @Operation(operationId = "correctClockEntry", summary = "Correct a clock entry",
      description = "Sets an entry's start and end (`If-Match`) with the reason, which goes to the audit trail "
          + "with the times before and after. Owners, and managers of the entry's shop (else 403). 422 when it "
          + "would end before it starts or start in the future.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "200", description = "The corrected entry.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockEntryView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response correct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "forgot to clock off", value = """
                                  {"startedAt": "2026-12-07T14:00:00Z", "endedAt": "2026-12-07T15:30:00Z",
                                   "reason": "Forgot to clock off before lunch"}"""))) CorrectionRequest request) {
    Id<ClockEntry> entryId = RequestIds.path("clock entry", id, Id::new);
    ClockEntry entry = clocks.correct(caller.get(), entryId, Versions.required(ifMatch), request.startedAt(),
        request.endedAt(), request.reason().trim());
    return Response.ok(ClockEntryView.of(entry)).tag(Versions.etag(entry.getVersion())).build();
  }

  private static LocalDate date(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException.Malformed(name, name + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new DomainException.Malformed(name, name + " must be a date (YYYY-MM-DD)");
    }
  }
}
