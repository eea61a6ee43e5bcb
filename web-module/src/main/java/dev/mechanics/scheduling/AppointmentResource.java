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

/**
 * Appointments on the shop's bays, and the free-slot search. The database refuses a double booking of a bay or
 * a technician: of two advisors booking the last slot at once, one gets 201 and the other 409.
 */
@ApplicationScoped
@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentResource {

  @Inject
  AppointmentService appointments;

  @Inject
  CurrentCaller caller;

  public record PlacementRequest(@NotNull String bayId, String technicianId, @NotNull Instant startsAt,
                                 @NotNull @Min(15) @Max(720) Integer durationMinutes) {
    AppointmentService.Placement placement() {
      return new AppointmentService.Placement(RequestIds.field("bayId", bayId, Id::new),
          technicianId == null || technicianId.isBlank() ? null : RequestIds.field("technicianId", technicianId),
          startsAt, Duration.ofMinutes(durationMinutes));
    }
  }

  public record AppointmentRequest(@NotNull String shopId, @NotNull String customerId, @NotNull String vehicleId,
                                   @NotBlank @Size(max = 2000) String requestedWork, @NotNull String bayId,
                                   String technicianId, @NotNull Instant startsAt,
                                   @NotNull @Min(15) @Max(720) Integer durationMinutes) {
  }

  public record MoveRequest(@NotNull String bayId, String technicianId, @NotNull Instant startsAt,
                            @NotNull @Min(15) @Max(720) Integer durationMinutes,
                            @Size(max = 2000) String requestedWork) {
  }

  public record CheckInRequest(@Min(0) @Max(9_999_999) Integer mileageIn) {
  }

  public record AppointmentView(UUID id, UUID shopId, UUID bayId, UUID technicianId, UUID customerId,
                                UUID vehicleId, String requestedWork, Instant startsAt, Instant endsAt,
                                long durationMinutes, Appointment.Status status, UUID workOrderId, long version) {
    static AppointmentView of(Appointment a) {
      return new AppointmentView(a.getId(), a.getShopId(), a.getBayId(), a.getTechnicianId(), a.getCustomerId(),
          a.getVehicleId(), a.getRequestedWork(), a.getStartsAt(), a.getEndsAt(),
          Duration.between(a.getStartsAt(), a.getEndsAt()).toMinutes(), a.getStatus(), a.getWorkOrderId(),
          a.getVersion());
    }
  }

  /** The document's name for {@code {"items": [...]}} of appointments. */
  @Schema(name = "AppointmentList")
  record AppointmentList(List<AppointmentView> items) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "bookAppointment", summary = "Book an appointment",
      description = "Books a bay (and optionally a technician) for the customer's vehicle. 409 when the bay or the "
          + "technician is already booked for any part of that time; 422 for a bay of another shop, a technician "
          + "not on the shop's staff, a vehicle of another customer, or a time outside the opening hours.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The appointment.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response book(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "brakes", value = """
          {"shopId": "0193f1c2-0000-7000-8000-000000000001", "customerId": "0193f1c2-0000-7000-8000-000000000002",
           "vehicleId": "0193f1c2-0000-7000-8000-000000000003", "requestedWork": "Brake noise",
           "bayId": "0193f1c2-0000-7000-8000-000000000005", "startsAt": "2026-12-01T14:00:00Z",
           "durationMinutes": 90}"""))) AppointmentRequest request) {
    Appointment appointment = appointments.book(caller.get(), new AppointmentService.NewAppointment(
        RequestIds.field("shopId", request.shopId(), Id::new), RequestIds.field("customerId", request.customerId(),
        Id::new), RequestIds.field("vehicleId", request.vehicleId(), Id::new), request.requestedWork().trim(),
        new PlacementRequest(request.bayId(), request.technicianId(), request.startsAt(),
            request.durationMinutes()).placement()));
    return Response.status(Response.Status.CREATED).entity(AppointmentView.of(appointment))
        .tag(Versions.etag(appointment.getVersion())).build();
  }

  @GET
  @Operation(operationId = "listAppointments", summary = "The shop's appointments for some days",
      description = "Every appointment (any status) overlapping the local days `from` to `to` (at most 62 days), "
          + "by start: the bay calendar.")
  @APIResponse(responseCode = "200", description = "The appointments.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentList.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Map<String, List<AppointmentView>> list(
      @Parameter(description = "The shop.", required = true) @QueryParam("shopId") String shopId,
      @Parameter(description = "First local day (YYYY-MM-DD).", required = true) @QueryParam("from") String from,
      @Parameter(description = "Last local day (YYYY-MM-DD), inclusive.", required = true) @QueryParam("to") String to) {
    return Map.of("items", appointments.of(shopQuery(shopId), date("from", from), date("to", to)).stream()
        .map(AppointmentView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getAppointment", summary = "Read an appointment",
      description = "The appointment with its version as the `ETag`.")
  @APIResponse(responseCode = "200", description = "The appointment.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
  public Response get(@PathParam("id") String id) {
    return ok(appointments.get(appointmentId(id)));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "moveAppointment", summary = "Move an appointment",
      description = "Puts a booked appointment on another bay, technician or time (`If-Match`). 409 when the new "
          + "time is taken or the appointment is no longer booked; 422 as when booking.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The appointment.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response move(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                       @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                           examples = @ExampleObject(name = "an hour later", value = """
                               {"bayId": "0193f1c2-0000-7000-8000-000000000005", "startsAt": "2026-12-01T15:00:00Z",
                                "durationMinutes": 90}"""))) MoveRequest request) {
    Id<Appointment> appointmentId = appointmentId(id);
    long version = Versions.required(ifMatch);
    return ok(appointments.move(appointmentId, version, new PlacementRequest(request.bayId(), request.technicianId(),
        request.startsAt(), request.durationMinutes()).placement(),
        request.requestedWork() == null || request.requestedWork().isBlank() ? null : request.requestedWork().trim()));
  }

  @POST
  @Path("{id}/check-in")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "checkInAppointment", summary = "Check the customer in",
      description = "Opens a work order for the vehicle (the requested work as its complaint, the technician on "
          + "it, promised for the appointment's end) and links it (`workOrderId`). `If-Match`. 409 unless booked.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The appointment, checked in.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response checkIn(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "odometer", value = """
                                  {"mileageIn": 120700}"""))) CheckInRequest request) {
    Id<Appointment> appointmentId = appointmentId(id);
    return ok(appointments.checkIn(caller.get(), appointmentId, Versions.required(ifMatch),
        request == null ? null : request.mileageIn()));
  }

  @POST
  @Path("{id}/no-show")
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "recordNoShow", summary = "Record a no-show",
      description = "The customer did not come: the appointment is kept as NO_SHOW and its bay and technician are "
          + "free again. `If-Match`. 409 unless booked.",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The appointment.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response noShow(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Id<Appointment> appointmentId = appointmentId(id);
    return ok(appointments.noShow(appointmentId, Versions.required(ifMatch)));
  }

  private static Response ok(Appointment appointment) {
    return Response.ok(AppointmentView.of(appointment)).tag(Versions.etag(appointment.getVersion())).build();
  }

  private static Id<Appointment> appointmentId(String id) {
    return RequestIds.path("appointment", id, Id::new);
  }

  private static Id<Shop> shopQuery(String shopId) {
    if (shopId == null || shopId.isBlank()) {
      throw new DomainException.Malformed("shopId", "shopId is required: appointments are per shop");
    }
    return RequestIds.field("shopId", shopId, Id::new);
  }

  static LocalDate date(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException.Malformed(name, name + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new DomainException.Malformed(name, name + " must be a date (YYYY-MM-DD)");
    }
  }

  static int number(String name, String text, int min, int max, Integer otherwise) {
    if (text == null || text.isBlank()) {
      if (otherwise == null) {
        throw new DomainException.Malformed(name, name + " is required");
      }
      return otherwise;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DomainException.Malformed(name, name + " must be a whole number from " + min + " to " + max);
    }
  }
}
